# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class StockPicking(models.Model):
    _inherit = 'stock.picking'

    @api.multi
    def action_done(self):
        res = super(StockPicking, self).action_done()
        # as superuser: a warehouse user validates deliveries of orders (of
        # confidential customers too) that he may not read; his right on the
        # pickings was checked by action_done
        orders = self.filtered(
            lambda p: p.state == 'done' and p.sale_id
            and p.picking_type_code == 'outgoing').mapped('sale_id').sudo()
        delivered = orders.filtered(lambda o: o.picking_ids and all(
            p.state in ('done', 'cancel') for p in o.picking_ids))
        if delivered:
            delivered._eco_schedule_event('delivery')
        return res
