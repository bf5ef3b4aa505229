# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Delivery preparation checklist templates (R10.1)."""
from odoo import api, fields, models

ECO_CHECK_KINDS = [
    ('inspection', 'Inspection'),
    ('commissioning', 'Commissioning'),
    ('document', 'Deliverable document'),
]


class EcoDeliveryCheckTemplate(models.Model):
    _name = 'eco.delivery.check.template'
    _inherit = 'eco.order.template.mixin'
    _description = 'Delivery Check Template'

    name = fields.Char(string='Check', required=True, translate=True)
    kind = fields.Selection(ECO_CHECK_KINDS, required=True, default='inspection')
    description = fields.Text(translate=True)

    @api.multi
    def _eco_order_line_values(self, order):
        values = super(EcoDeliveryCheckTemplate, self)._eco_order_line_values(order)
        values['kind'] = self.kind
        return values
