# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cost, suggested price and margin per quotation line (R5.2); a price change on a
reviewed quotation asks for the special-pricing review again."""
from odoo import api, fields, models
from odoo.addons import decimal_precision as dp

PRICE_FIELDS = ('price_unit', 'discount', 'product_id', 'product_uom_qty',
                'product_uom')


class SaleOrderLine(models.Model):
    _inherit = 'sale.order.line'

    eco_suggested_price = fields.Float(
        string='Suggested Price', compute='_compute_eco_suggested_price',
        digits=dp.get_precision('Product Price'),
        help='Cost x (1 + target margin of the pricing policy) x market factor.')
    eco_target_margin = fields.Float(
        string='Target Margin (%)', compute='_compute_eco_suggested_price')
    eco_margin_percent = fields.Float(
        string='Margin (%)', compute='_compute_eco_margin_percent', store=True,
        digits=(16, 2), help='Margin on the line\'s price (subtotal without taxes).')

    @api.depends('price_subtotal', 'purchase_price', 'product_uom_qty')
    def _compute_eco_margin_percent(self):
        for line in self:
            cost = line.purchase_price * line.product_uom_qty
            line.eco_margin_percent = line.price_subtotal and (
                100.0 * (line.price_subtotal - cost) / line.price_subtotal) or (
                -100.0 if cost else 0.0)

    @api.depends('purchase_price', 'product_id', 'order_id.order_type_id',
                 'order_id.partner_id', 'order_id.pricelist_id', 'order_id.company_id')
    def _compute_eco_suggested_price(self):
        Policy = self.env['eco.pricing.policy']
        policies = {}
        for line in self:
            company = line.order_id.company_id or self.env.user.company_id
            if company.id not in policies:
                policies[company.id] = Policy._eco_get(company)
            policy = policies[company.id]
            if not policy or not line.product_id:
                line.eco_suggested_price = 0.0
                line.eco_target_margin = 0.0
                continue
            order = line.order_id
            margin = policy._eco_target_margin(
                line.product_id.categ_id, order.order_type_id)
            factor = policy._eco_market_factor(order.partner_id, order.pricelist_id)
            currency = order.pricelist_id.currency_id or company.currency_id
            line.eco_target_margin = margin
            line.eco_suggested_price = currency.round(
                line.purchase_price * (1 + margin / 100.0) * factor)

    @api.model
    def create(self, vals):
        line = super(SaleOrderLine, self).create(vals)
        if line.order_id.sudo().review_ids:
            line.order_id._eco_reset_pricing_review()
        return line

    @api.multi
    def write(self, vals):
        changed = self.browse()
        if set(PRICE_FIELDS) & set(vals):
            changed = self.filtered(lambda l: any(
                l._fields[f].convert_to_write(l[f], l) != vals[f]
                for f in PRICE_FIELDS if f in vals))
        res = super(SaleOrderLine, self).write(vals)
        orders = changed.mapped('order_id')
        if orders:
            orders._eco_reset_pricing_review()
        return res
