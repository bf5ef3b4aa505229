# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shop orders with eco_order installed: recorded with the online shop channel,
intake passed at checkout, confirmed by payment, "mark as paid" and free orders
exactly as in Odoo; through the shop's own controllers (issue 8, part 1)."""
import json

from odoo.addons.eco_order.tests.test_portal_common import EcoPortalCase


class TestShopCheckout(EcoPortalCase):

    def setUp(self):
        super(TestShopCheckout, self).setUp()
        self.product.write({'website_published': True, 'list_price': 250.0})
        self.free_product = self.env['product.product'].create({
            'name': 'Shop test sample bag', 'type': 'consu', 'sale_ok': True,
            'website_published': True, 'list_price': 0.0})
        self.transfer = self.env.ref('payment.payment_acquirer_transfer')
        self.registry.test_cr.commit()  # TestCursor: savepoint only
        self._login(self.user_a)

    def _cart(self, product):
        response = self.url_open('/shop/cart/update', data={
            'product_id': product.id, 'add_qty': 1})
        self.assertEqual(response.status_code, 200)
        order = self.env['sale.order'].search(
            [('partner_id', '=', self.contact_a.id), ('state', '=', 'draft')],
            order='id desc', limit=1)
        self.assertEqual(order.order_line.product_id, product)
        return order

    def _checkout(self, product):
        order = self._cart(product)
        self.assertEqual(order.intake_channel, 'website')
        self.assertEqual(order.intake_state, 'new')
        self.url_open('/shop/confirm_order')
        self.assertEqual(order.intake_state, 'accepted')
        self.assertTrue(order.message_ids.filtered(
            lambda m: 'Intake passed at checkout' in (m.body or '')))
        return order

    def _json(self, path, params):
        response = self.opener.post(
            self._url(path), data=json.dumps({
                'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': params}),
            headers={'Content-Type': 'application/json'}, timeout=30)
        self.env.cache.invalidate()
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertNotIn('error', body)
        return body['result']

    def _pay_transfer(self, order):
        self._json('/shop/payment/transaction/', {'acquirer_id': self.transfer.id})
        tx = order.payment_tx_id
        self.assertEqual(tx.acquirer_id, self.transfer)
        self.url_open('/payment/transfer/feedback', data={
            'reference': tx.reference, 'amount': '%.2f' % tx.amount,
            'currency': tx.currency_id.name, 'return_url': '/shop/payment/validate'})
        return tx

    def test_online_payment_done_confirms_order(self):
        order = self._checkout(self.product)
        tx = self._pay_transfer(order)
        self.assertEqual(tx.state, 'pending')
        self.assertEqual(order.state, 'sent')
        # the acquirer reports the payment done: what payment's form_feedback does
        tx.write({'state': 'done'})
        self.assertEqual(tx._confirm_so(), True)
        self.assertEqual(order.state, 'sale')
        self.assertEqual(tx.state, 'done')

    def test_mark_as_paid_confirms_order(self):
        order = self._checkout(self.product)
        tx = self._pay_transfer(order)
        self.assertTrue(order.can_directly_mark_as_paid)
        order.action_mark_as_paid()
        self.assertEqual(order.state, 'sale')
        self.assertEqual(tx.state, 'done')

    def test_free_order_confirms_at_validation(self):
        order = self._checkout(self.free_product)
        self.assertEqual(order.amount_total, 0.0)
        response = self.url_open('/shop/payment/validate')
        self.assertIn('/shop/confirmation', response.url)
        self.assertEqual(order.state, 'sale')
