# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .stock_location import ABC_CLASSES


class StockCycleCountRule(models.Model):
    _inherit = 'stock.cycle.count.rule'

    eco_abc_class = fields.Selection(
        ABC_CLASSES, string='ABC Class',
        help='Only the locations of this ABC class (empty: all).')
    eco_counter_id = fields.Many2one(
        'res.users', string='Counter',
        help='The counts this rule proposes are assigned to this user (an activity).')
