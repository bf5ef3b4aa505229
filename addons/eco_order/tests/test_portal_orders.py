# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R2.1 / R7.2 portal: submitted requests under /my/orders, isolated per customer."""
from odoo.tests.common import at_install, post_install

from .test_portal_common import EcoPortalCase


@at_install(False)
@post_install(True)
class TestPortalRequestOrders(EcoPortalCase):

    def test_my_home_links_to_the_form(self):
        self._login(self.user_a)
        response = self.url_open('/my/home')
        self.assertEqual(response.status_code, 200)
        self.assertIn('href="/my/order-request"', response.text)
        self.assertIn('o_eco_order_request_tile', response.text)

    def test_draft_request_listed_and_displayed(self):
        order = self._create_request(self.user_a, 'Request of customer A')
        response = self.url_open('/my/orders')
        self.assertEqual(response.status_code, 200)
        self.assertIn('/my/orders/%s?' % order.id, response.text)
        self.assertIn(order.name, response.text)
        self.assertIn('o_eco_order_request_state', response.text)
        self.assertIn('href="/my/order-request"', response.text)
        # the home page counts it under "Sales Orders"
        home = self.url_open('/my/home').text
        self.assertIn('href="/my/orders"', home)
        # the detail page shows the request to its customer
        page = self.url_open('/my/orders/%s' % order.id)
        self.assertEqual(page.status_code, 200)
        self.assertIn('eco_order_request_details', page.text)
        self.assertIn('Request of customer A', page.text)
        self.assertIn('5000 m3/h, VOC', page.text)
        self.assertIn('Carl Contact', page.text)
        self.assertIn('PT-TEST-0001', page.text)

    def test_staff_draft_quotation_not_listed(self):
        """Customer requests (any reviewed channel) join /my/orders, not staff's
        draft quotations (channel "Direct Sale / Other Application")."""
        self._login(self.user_a)
        quotation = self.env['sale.order'].create({
            'partner_id': self.partner_a.id, 'intake_channel': 'system'})
        quotation.message_subscribe(partner_ids=self.contact_a.ids)
        response = self.url_open('/my/orders')
        self.assertNotIn('/my/orders/%s?' % quotation.id, response.text)

    def test_customers_isolated(self):
        order_a = self._create_request(self.user_a, 'Secret need of customer A')
        order_b = self._create_request(self.user_b, 'Secret need of customer B')
        self.assertEqual(order_b.partner_id, self.partner_b)
        # B is logged in: A's request is neither listed nor readable
        listing = self.url_open('/my/orders').text
        self.assertIn('/my/orders/%s?' % order_b.id, listing)
        self.assertNotIn('/my/orders/%s?' % order_a.id, listing)
        self.assertNotIn(order_a.name, listing)
        response = self.url_open('/my/orders/%s' % order_a.id)
        self.assertNotIn('Secret need of customer A', response.text)
        self.assertNotIn('eco_order_request_details', response.text)
        self.assertFalse(response.url.endswith('/my/orders/%s' % order_a.id))
        # a wrong access token does not help
        response = self.url_open('/my/orders/%s?access_token=forged' % order_a.id)
        self.assertNotIn('Secret need of customer A', response.text)
        # the record rules of sale keep B away from A's order in the ORM as well
        SaleOrderB = self.env['sale.order'].sudo(self.user_b)
        self.assertEqual(SaleOrderB.search([('id', '=', order_a.id)]).ids, [])
        self.assertEqual(
            SaleOrderB.search([('intake_channel', '=', 'portal')]), order_b)
        # and A sees only its own request
        self._login(self.user_a)
        listing = self.url_open('/my/orders').text
        self.assertIn('/my/orders/%s?' % order_a.id, listing)
        self.assertNotIn('/my/orders/%s?' % order_b.id, listing)
