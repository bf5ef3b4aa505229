# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Result of one criterion in an acceptance (R10.3)."""
from odoo import fields, models


class EcoAcceptanceLine(models.Model):
    _name = 'eco.acceptance.line'
    _description = 'Acceptance Result Line'
    _order = 'acceptance_id, sequence, id'

    acceptance_id = fields.Many2one(
        'eco.acceptance', string='Acceptance', required=True, ondelete='cascade',
        index=True)
    criterion_id = fields.Many2one(
        'eco.acceptance.criterion', string='Criterion', ondelete='set null')
    name = fields.Char(string='Criterion', required=True)
    sequence = fields.Integer(default=10)
    result = fields.Selection([('passed', 'Passed'), ('failed', 'Failed')])
    remark = fields.Text()
    rectification_ids = fields.One2many(
        'eco.rectification', 'acceptance_line_id', string='Rectifications')
