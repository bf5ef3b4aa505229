# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class StockMove(models.Model):
    _inherit = 'stock.move'

    def _get_new_picking_values(self):
        """A delivery made for an order takes the order's agreed delivery method
        when it is created (no second write, no tracking line)."""
        vals = super(StockMove, self)._get_new_picking_values()
        # only the method is read; the user already works on the order's moves
        order = self.group_id.sudo().sale_id
        if order.eco_delivery_method:
            vals['eco_delivery_method'] = order.eco_delivery_method
        return vals

    @api.multi
    def _action_done(self):
        moves = super(StockMove, self)._action_done()
        moves._eco_stamp_last_outgoing()
        return moves

    @api.multi
    def _eco_stamp_last_outgoing(self):
        """Keep product.eco_last_outgoing_date (one query for all moves)."""
        outgoing = self.filtered(
            lambda m: m.state == 'done' and m.location_id.usage == 'internal'
            and m.location_dest_id.usage != 'internal')
        if not outgoing:
            return
        self.env.cr.execute("""
            UPDATE product_product p SET eco_last_outgoing_date = m.date
              FROM (SELECT product_id, max(date) AS date FROM stock_move
                    WHERE id IN %s GROUP BY product_id) m
             WHERE p.id = m.product_id
               AND (p.eco_last_outgoing_date IS NULL
                    OR p.eco_last_outgoing_date < m.date)
        """, (tuple(outgoing.ids),))
        outgoing.mapped('product_id').invalidate_cache(['eco_last_outgoing_date'])

    @api.model
    def _eco_backfill_last_outgoing(self):
        """Install hook: the last outgoing date of every product from its moves."""
        self.env.cr.execute("""
            UPDATE product_product p SET eco_last_outgoing_date = m.date
              FROM (SELECT sm.product_id, max(sm.date) AS date
                      FROM stock_move sm
                      JOIN stock_location src ON src.id = sm.location_id
                      JOIN stock_location dst ON dst.id = sm.location_dest_id
                     WHERE sm.state = 'done' AND src.usage = 'internal'
                       AND dst.usage != 'internal'
                     GROUP BY sm.product_id) m
             WHERE p.id = m.product_id
        """)
