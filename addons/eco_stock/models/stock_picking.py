# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.eco_order.models.mail_thread import eco_sudo_as_actor
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

    @api.multi
    def action_done(self):
        res = super(StockPicking, self).action_done()
        self._eco_fire_delivered()
        return res

    @api.multi
    def _eco_fire_delivered(self):
        """The orders of these done deliveries (outgoing pickings) whose
        outgoing pickings are all done or cancelled now reach their
        'delivered' milestones: once per order and validation, one query for
        all the orders. Returns the orders delivered."""
        orders = self.filtered(
            lambda p: p.state == 'done' and p.sale_id
            and p.picking_type_code == 'outgoing').mapped('sale_id')
        if not orders:
            return orders
        # as superuser: a warehouse user validates deliveries of orders he may
        # not read; his right on the pickings was checked by action_done
        data = self.sudo().read_group(
            [('sale_id', 'in', orders.ids), ('picking_type_code', '=', 'outgoing'),
             ('state', 'not in', ('done', 'cancel'))], ['sale_id'], ['sale_id'])
        still_open = {row['sale_id'][0] for row in data}
        delivered = orders.filtered(lambda o: o.id not in still_open)
        if delivered:
            # the milestones are done in the name of the user who validated
            eco_sudo_as_actor(delivered)._eco_milestone_event('delivered')
        return delivered
