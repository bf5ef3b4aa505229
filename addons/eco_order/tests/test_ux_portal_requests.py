# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, defects 6 and 7: a customer sees every request of their commercial
partner on the portal, whatever the channel, with its intake state; no prices until a
quotation is sent."""
from odoo.tests.common import at_install, post_install

from .test_portal_common import EcoPortalCase


@at_install(False)
@post_install(True)
class TestPortalAllRequests(EcoPortalCase):

    def _staff_request(self, partner, channel, intake_state, note):
        order = self.env['sale.order'].create({
            'partner_id': partner.id, 'intake_channel': channel,
            'intake_note': note,
            'order_line': [(0, 0, {
                'product_id': self.product.id, 'name': self.product.name,
                'product_uom_qty': 2.0, 'price_unit': 250.0,
                'eco_specification': 'PVDF head, 10 l/h'})]})
        order.write({'intake_state': intake_state})
        self.registry.test_cr.commit()
        return order

    def test_requests_of_every_channel_listed_with_state(self):
        fax = self._staff_request(self.partner_a, 'fax', 'clarification', 'Fax A')
        rejected = self._staff_request(self.partner_a, 'other', 'rejected', 'Other A')
        other_customer = self._staff_request(self.partner_b, 'fax', 'new', 'Fax B')
        staff_quote = self._staff_request(self.partner_a, 'system', 'new', 'Staff')
        self.assertFalse(self.contact_a in fax.message_partner_ids)
        self._login(self.user_a)
        listing = self.url_open('/my/orders').text
        self.assertIn('/my/orders/%s?' % fax.id, listing)
        self.assertIn('/my/orders/%s?' % rejected.id, listing)
        self.assertNotIn('/my/orders/%s?' % other_customer.id, listing)
        self.assertNotIn('/my/orders/%s?' % staff_quote.id, listing)
        self.assertIn('Clarification', listing)
        self.assertIn('Rejected', listing)
        # the detail page of a fax request opens for the customer
        page = self.url_open('/my/orders/%s' % fax.id)
        self.assertEqual(page.status_code, 200)
        self.assertTrue(page.url.endswith('/my/orders/%s' % fax.id))
        self.assertIn('Fax A', page.text)
        self.assertIn('PVDF head, 10 l/h', page.text)
        # another customer's request stays closed, token or not
        page = self.url_open('/my/orders/%s' % other_customer.id)
        self.assertNotIn('Fax B', page.text)
        page = self.url_open('/my/orders/%s?access_token=forged' % other_customer.id)
        self.assertNotIn('Fax B', page.text)

    def test_no_prices_until_quotation_sent(self):
        order = self._staff_request(self.partner_a, 'fax', 'accepted', 'Priced')
        self.assertFalse(order._eco_portal_show_prices())
        self._login(self.user_a)
        listing = self.url_open('/my/orders').text
        self.assertIn('Quotation to follow', listing)
        self.assertNotIn('500.00', listing)
        page = self.url_open('/my/orders/%s' % order.id).text
        self.assertIn('Prices follow in our quotation', page)
        self.assertNotIn('250.00', page)
        self.assertNotIn('500.00', page)
        self.assertIn('PVDF head, 10 l/h', page)
        # once the quotation is sent the prices are the customer's to see
        order.write({'state': 'sent'})
        order.message_subscribe(partner_ids=self.contact_a.ids)
        self.registry.test_cr.commit()
        self.assertTrue(order._eco_portal_show_prices())
        page = self.url_open('/my/orders/%s' % order.id).text
        self.assertIn('250.00', page)
        self.assertIn('500.00', page)
        self.assertNotIn('Prices follow in our quotation', page)
