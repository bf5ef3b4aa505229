# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools


class EcoCountAccuracyReport(models.Model):
    """Inventory accuracy of the done counts by location and month (R6.2), from
    stock_cycle_count's stored accuracy of each inventory adjustment."""
    _name = 'eco.count.accuracy.report'
    _description = 'Count Accuracy by Location and Month'
    _auto = False
    _order = 'month desc, location_id'

    location_id = fields.Many2one('stock.location', string='Location', readonly=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    month = fields.Date(readonly=True)
    count = fields.Integer(string='Counts', readonly=True)
    cycle_count = fields.Integer(string='Cycle Counts', readonly=True)
    accuracy = fields.Float(string='Accuracy (%)', group_operator='avg',
                            readonly=True, digits=(16, 2))

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW eco_count_accuracy_report AS (
            SELECT min(i.id) AS id, i.location_id, i.company_id,
                   date_trunc('month', i.date)::date AS month,
                   count(*) AS count, count(i.cycle_count_id) AS cycle_count,
                   avg(i.inventory_accuracy) AS accuracy
              FROM stock_inventory i
             WHERE i.state = 'done'
             GROUP BY i.location_id, i.company_id, date_trunc('month', i.date)
            )""")
