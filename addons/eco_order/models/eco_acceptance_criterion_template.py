# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Acceptance criteria templates, copied to each order's contract criteria (R10.3)."""
from odoo import fields, models


class EcoAcceptanceCriterionTemplate(models.Model):
    _name = 'eco.acceptance.criterion.template'
    _description = 'Acceptance Criterion Template'
    _order = 'sequence, id'

    name = fields.Char(string='Criterion', required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    order_type_id = fields.Many2one(
        'eco.order.type', string='Order Type', ondelete='cascade',
        help='Empty: applies to every order type.')
    company_id = fields.Many2one(
        'res.company', string='Company',
        default=lambda self: self.env['res.company']._company_default_get(
            'eco.acceptance.criterion.template'))
