# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class StockWarehouse(models.Model):
    _inherit = 'stock.warehouse'

    @api.model
    def _get_cycle_count_locations_search_domain(self, parent):
        domain = super(StockWarehouse, self)._get_cycle_count_locations_search_domain(
            parent)
        abc = self.env.context.get('eco_abc_class')
        if abc:
            domain = domain + [('eco_abc_class', '=', abc)]
        return domain

    @api.multi
    def _search_cycle_count_locations(self, rule):
        return super(StockWarehouse, self.with_context(
            eco_abc_class=rule.eco_abc_class or False))._search_cycle_count_locations(
                rule)

    @api.model
    def _prepare_cycle_count(self, cycle_count_proposed):
        vals = super(StockWarehouse, self)._prepare_cycle_count(cycle_count_proposed)
        counter = cycle_count_proposed['rule_type'].eco_counter_id
        if counter:
            vals['responsible_id'] = counter.id
        return vals
