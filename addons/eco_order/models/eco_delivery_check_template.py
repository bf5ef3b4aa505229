# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Delivery preparation checklist templates (R10.1)."""
from odoo import fields, models

ECO_CHECK_KINDS = [
    ('inspection', 'Inspection'),
    ('commissioning', 'Commissioning'),
    ('document', 'Deliverable document'),
]


class EcoDeliveryCheckTemplate(models.Model):
    _name = 'eco.delivery.check.template'
    _description = 'Delivery Check Template'
    _order = 'sequence, id'

    name = fields.Char(string='Check', required=True, translate=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(ECO_CHECK_KINDS, required=True, default='inspection')
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    order_type_id = fields.Many2one(
        'eco.order.type', string='Order Type', ondelete='cascade',
        help='Empty: applies to every order type.')
    company_id = fields.Many2one(
        'res.company', string='Company',
        default=lambda self: self.env['res.company']._company_default_get(
            'eco.delivery.check.template'))
