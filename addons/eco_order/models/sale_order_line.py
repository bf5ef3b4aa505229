# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = 'sale.order.line'

    eco_specification = fields.Char(
        string='Specification',
        help='Specification of the service item or product requested by the customer '
             '(model, capacity, parameters, standard to meet).')
