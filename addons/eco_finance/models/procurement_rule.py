# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ProcurementRule(models.Model):
    _inherit = 'procurement.rule'

    @api.multi
    def _prepare_purchase_order_line(self, product_id, product_qty, product_uom,
                                     values, po, supplier):
        """Purchases made for an order (MTO) carry its analytic account, so their
        bills count in the order's cost sheet."""
        res = super(ProcurementRule, self)._prepare_purchase_order_line(
            product_id, product_qty, product_uom, values, po, supplier)
        group = values.get('group_id')
        sale = group and group.sale_id
        if sale and sale.analytic_account_id and not res.get('account_analytic_id'):
            res['account_analytic_id'] = sale.analytic_account_id.id
        return res
