# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Checkout: the shop collected the customer's data, the intake passes."""
from odoo import http
from odoo.http import request

from odoo.addons.website_sale.controllers.main import WebsiteSale


class EcoWebsiteSale(WebsiteSale):

    @http.route()
    def confirm_order(self, **post):
        order = request.website.sale_get_order()
        response = super(EcoWebsiteSale, self).confirm_order(**post)
        if order and request.session.get('sale_last_order_id') == order.id:
            order.sudo()._eco_intake_pass_checkout()
        return response
