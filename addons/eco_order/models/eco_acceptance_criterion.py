# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Acceptance criterion of one order's contract (R10.3)."""
from odoo import fields, models


class EcoAcceptanceCriterion(models.Model):
    _name = 'eco.acceptance.criterion'
    _inherit = 'eco.order.template.line.mixin'
    _description = 'Acceptance Criterion'

    template_id = fields.Many2one(
        'eco.acceptance.criterion.template', string='Template', ondelete='set null')
    name = fields.Char(string='Criterion', required=True)
    description = fields.Text()
