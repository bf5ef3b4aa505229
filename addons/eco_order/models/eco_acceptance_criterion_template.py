# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Acceptance criteria templates, copied to each order's contract criteria (R10.3)."""
from odoo import api, fields, models


class EcoAcceptanceCriterionTemplate(models.Model):
    _name = 'eco.acceptance.criterion.template'
    _inherit = 'eco.order.template.mixin'
    _description = 'Acceptance Criterion Template'

    name = fields.Char(string='Criterion', required=True, translate=True)
    description = fields.Text(translate=True)

    @api.multi
    def _eco_order_line_values(self, order):
        values = super(EcoAcceptanceCriterionTemplate, self)._eco_order_line_values(
            order)
        values['description'] = self.description
        return values
