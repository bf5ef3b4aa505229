# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Slow movers (R6.2): products in stock without outgoing move for the days of
their category (product.category.eco_slow_mover_days).

An SQL view over the quants of internal locations and the product's stored
last outgoing date (kept by the moves, indexed): it reads no stock move, so it
answers in the same time with a million moves (scripts/bench_slow_movers.py).
"""
from odoo import api, fields, models, tools


class EcoSlowMoverReport(models.Model):
    _name = 'eco.slow.mover.report'
    _description = 'Slow Moving Stock'
    _auto = False
    _order = 'age_days desc, product_id'

    product_id = fields.Many2one('product.product', string='Product', readonly=True)
    categ_id = fields.Many2one('product.category', string='Category', readonly=True)
    location_id = fields.Many2one('stock.location', string='Location', readonly=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    quantity = fields.Float(readonly=True)
    last_move_date = fields.Datetime(string='Last Outgoing Move', readonly=True)
    in_date = fields.Datetime(string='In Stock Since', readonly=True)
    age_days = fields.Integer(string='Days Without Outgoing Move', readonly=True)
    threshold_days = fields.Integer(string='Slow After (days)', readonly=True)
    value = fields.Float(compute='_compute_value', string='Value')

    @api.multi
    def _compute_value(self):
        for row in self:
            row.value = row.quantity * row.product_id.standard_price

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW eco_slow_mover_report AS (
            SELECT min(q.id) AS id, q.product_id, t.categ_id, q.location_id,
                   q.company_id, sum(q.quantity) AS quantity,
                   pp.eco_last_outgoing_date AS last_move_date,
                   min(q.in_date) AS in_date,
                   date_part('day', (now() at time zone 'UTC') - COALESCE(
                       pp.eco_last_outgoing_date, min(q.in_date)))::int AS age_days,
                   COALESCE(c.eco_slow_mover_days, 180) AS threshold_days
              FROM stock_quant q
              JOIN stock_location l ON l.id = q.location_id AND l.usage = 'internal'
              JOIN product_product pp ON pp.id = q.product_id
              JOIN product_template t ON t.id = pp.product_tmpl_id
              JOIN product_category c ON c.id = t.categ_id
             GROUP BY q.product_id, t.categ_id, q.location_id, q.company_id,
                      pp.eco_last_outgoing_date, c.eco_slow_mover_days
            HAVING sum(q.quantity) > 0
               AND COALESCE(pp.eco_last_outgoing_date, min(q.in_date))
                   < (now() at time zone 'UTC')
                     - make_interval(days => COALESCE(c.eco_slow_mover_days, 180))
            )""")

    @api.multi
    def action_propose_disposal(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'eco.disposal.proposal',
            'view_mode': 'form',
            'context': {'default_product_id': self.product_id.id,
                        'default_location_id': self.location_id.id,
                        'default_quantity': self.quantity},
        }
