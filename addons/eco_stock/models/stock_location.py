# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

ABC_CLASSES = [('a', 'A'), ('b', 'B'), ('c', 'C')]


class StockLocation(models.Model):
    _inherit = 'stock.location'

    eco_abc_class = fields.Selection(
        ABC_CLASSES, string='ABC Class',
        help='A: high-value or fast-moving goods, counted most often.')
