# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The portal never shows an unreviewed quotation, and a customer signs a sent
quotation on the portal (/my/quotes/accept) as in Odoo (issue 8, part 1)."""
import base64
import json

from .test_portal_common import EcoPortalCase

# a 1x1 transparent PNG: the drawn signature
SIGNATURE = base64.b64encode(base64.b64decode(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAA'
    'SUVORK5CYII=')).decode()


class TestPortalGate(EcoPortalCase):

    def _order(self, channel, **vals):
        values = {
            'partner_id': self.contact_a.id,
            'intake_channel': channel,
            'intake_required_date': self.future_date,
            'intake_contact_name': 'Alice Portal',
            'intake_contact_phone': '+86 10 1111 0001',
            'order_line': [(0, 0, {
                'product_id': self.product.id, 'product_uom_qty': 2.0,
                'eco_specification': 'stainless steel'})],
        }
        values.update(vals)
        order = self.env['sale.order'].create(values)
        order.message_subscribe(partner_ids=self.contact_a.ids)
        self.registry.test_cr.commit()  # TestCursor: savepoint only
        return order

    def _accept_json(self, order, token):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
            'res_id': order.id, 'access_token': token,
            'partner_name': 'Alice Portal', 'signature': SIGNATURE}}
        response = self.opener.post(
            self._url('/my/quotes/accept'), data=json.dumps(payload),
            headers={'Content-Type': 'application/json'}, timeout=30)
        self.env.cache.invalidate()
        self.assertEqual(response.status_code, 200)
        return response.json()

    def _assert_refused(self, response, order):
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.history, 'no redirect')
        self.assertNotIn('/my/orders/', response.url)
        self.assertNotIn(order.name, response.text)

    def test_unreviewed_quotation_refused_on_portal(self):
        order = self._order('email')
        token = order.access_token
        for path in ('/my/orders/%d?access_token=%s' % (order.id, token),
                     '/my/orders/pdf/%d?access_token=%s' % (order.id, token)):
            self._assert_refused(self.url_open(path), order)
        self._login(self.user_a)
        # logged in, the customer sees their request (issue 14): items, no prices,
        # and never the printable quotation
        response = self.url_open('/my/orders/%d' % order.id)
        self.assertIn('/my/orders/%d' % order.id, response.url)
        self.assertIn('o_eco_no_price', response.text)
        self._assert_refused(self.url_open('/my/orders/pdf/%d' % order.id), order)
        # once reviewed, the customer reads it
        order.write({'intake_state': 'accepted'})
        self.registry.test_cr.commit()
        response = self.url_open('/my/orders/%d' % order.id)
        self.assertIn('/my/orders/%d' % order.id, response.url)
        self.assertIn(order.name, response.text)

    def test_own_portal_request_stays_visible(self):
        """The customer's own portal request shows what they sent while it is
        reviewed, but not as a printable quotation."""
        order = self._order('portal')
        self._login(self.user_a)
        response = self.url_open('/my/orders/%d' % order.id)
        self.assertIn('/my/orders/%d' % order.id, response.url)
        self.assertIn('eco_order_request_details', response.text)
        self._assert_refused(self.url_open('/my/orders/pdf/%d' % order.id), order)
        # the other customer gets nothing
        self._login(self.user_b)
        self._assert_refused(self.url_open('/my/orders/%d' % order.id), order)

    def test_customer_signs_sent_quotation(self):
        self.env['ir.config_parameter'].set_param(
            'sale.sale_portal_confirmation_options', 'sign')
        order = self._order('email')
        order.write({'intake_state': 'accepted'})
        order.force_quotation_send()
        self.assertEqual(order.state, 'sent')
        self.registry.test_cr.commit()
        result = self._accept_json(order, order.access_token)
        self.assertEqual(result['result'].get('success'),
                         'Your Order has been confirmed.')
        self.assertEqual(order.state, 'sale')
        self.assertTrue(order.message_ids.filtered(
            lambda m: 'Order signed by Alice Portal' in (m.body or '')))

    def test_signature_with_tampered_token_refused(self):
        self.env['ir.config_parameter'].set_param(
            'sale.sale_portal_confirmation_options', 'sign')
        order = self._order('email')
        order.write({'intake_state': 'accepted'})
        order.force_quotation_send()
        self.registry.test_cr.commit()
        result = self._accept_json(order, order.access_token[:-1] + 'x')
        self.assertEqual(result['result'], {'error': 'Invalid order'})
        self.assertEqual(order.state, 'sent')
