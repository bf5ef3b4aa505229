# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Acceptance criterion of one order's contract (R10.3)."""
from odoo import fields, models


class EcoAcceptanceCriterion(models.Model):
    _name = 'eco.acceptance.criterion'
    _description = 'Acceptance Criterion'
    _order = 'order_id, sequence, id'

    order_id = fields.Many2one(
        'sale.order', string='Order', required=True, ondelete='cascade', index=True)
    company_id = fields.Many2one(
        related='order_id.company_id', string='Company', store=True, readonly=True)
    template_id = fields.Many2one(
        'eco.acceptance.criterion.template', string='Template', ondelete='set null')
    name = fields.Char(string='Criterion', required=True)
    description = fields.Text()
    sequence = fields.Integer(default=10)
