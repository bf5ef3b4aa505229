# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.eco_order.models.sale_order_change import ECO_DELIVERY_METHODS


class StockPicking(models.Model):
    _inherit = 'stock.picking'

    eco_delivery_method = fields.Selection(
        ECO_DELIVERY_METHODS, string='Delivery Method', track_visibility='onchange',
        help='From the order; follows its approved change requests.')

    @api.model
    def create(self, vals):
        if not vals.get('eco_delivery_method') and vals.get('group_id'):
            order = self.env['procurement.group'].browse(vals['group_id']).sale_id
            if order.eco_delivery_method:
                vals['eco_delivery_method'] = order.eco_delivery_method
        return super(StockPicking, self).create(vals)

    @api.multi
    def action_eco_print_delivery_note(self):
        return self.env.ref('eco_stock.action_report_eco_delivery_note').report_action(
            self)
