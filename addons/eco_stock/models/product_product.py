# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductProduct(models.Model):
    _inherit = 'product.product'

    eco_last_outgoing_date = fields.Datetime(
        string='Last Outgoing Move', readonly=True, index=True, copy=False,
        help='Date of the last done move out of the internal locations; kept by '
             'the moves so the slow movers report reads no move.')
