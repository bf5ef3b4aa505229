# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The product choice of the Order Requests menu offers the products of the company's
order request categories (``res.company.eco_request_categ_ids``), as the portal
request form does."""
from odoo import api, models
from odoo.osv import expression

# context key set by the Order Requests action (views/sale_order_views.xml)
REQUEST_PRODUCTS_KEY = 'eco_request_products'


class ProductProduct(models.Model):
    _inherit = 'product.product'

    @api.model
    def name_search(self, name='', args=None, operator='ilike', limit=100):
        if self.env.context.get(REQUEST_PRODUCTS_KEY):
            args = expression.AND([
                args or [], self.env.user.company_id._eco_request_product_domain()])
        return super(ProductProduct, self).name_search(
            name=name, args=args, operator=operator, limit=limit)
