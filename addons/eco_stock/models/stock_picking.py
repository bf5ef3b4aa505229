# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.eco_order.models.sale_order_change import ECO_DELIVERY_METHODS


class StockPicking(models.Model):
    _inherit = 'stock.picking'

    eco_delivery_method = fields.Selection(
        ECO_DELIVERY_METHODS, string='Delivery Method', track_visibility='onchange',
        help='From the order; follows its approved change requests.')

    @api.multi
    def action_eco_print_delivery_note(self):
        return self.env.ref('eco_stock.action_report_eco_delivery_note').report_action(
            self)
