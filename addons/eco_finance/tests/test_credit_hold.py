# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import EcoFinanceCase, days


class TestCreditHold(EcoFinanceCase):

    def test_hold_blocks_confirm_for_held_customer_only(self):
        self.partner_a.sudo(self.user_finance).write({
            'eco_credit_hold': True, 'eco_credit_hold_reason': 'Invoice 60 days late'})
        self.assertEqual(self.partner_a.eco_credit_hold_source, 'manual')
        self.assertTrue(self.partner_a.eco_credit_hold_date)
        held = self._order(self.partner_a)
        other = self._order(self.partner_b)
        with self.assertRaises(UserError) as err:
            held.sudo(self.user_sales).action_confirm()
        self.assertIn('credit hold', str(err.exception))
        self.assertIn('Invoice 60 days late', str(err.exception))
        self.assertEqual(held.state, 'draft')
        other.sudo(self.user_sales).action_confirm()
        self.assertEqual(other.state, 'sale')

    def test_contact_order_follows_commercial_partner(self):
        contact = self.env['res.partner'].create({
            'name': 'Chen Buyer', 'parent_id': self.partner_a.id})
        self.partner_a.sudo(self.user_finance).write({
            'eco_credit_hold': True, 'eco_credit_hold_reason': 'Overdue'})
        order = self._order(contact)
        self.assertTrue(order.eco_partner_credit_hold)
        with self.assertRaises(UserError):
            order.action_confirm()

    def test_override_by_finance_manager(self):
        self.partner_a.sudo(self.user_finance).write({
            'eco_credit_hold': True, 'eco_credit_hold_reason': 'Overdue'})
        order = self._order(self.partner_a)
        with self.assertRaises(AccessError):
            order.sudo(self.user_sales)._eco_override_credit_hold('please')
        with self.assertRaises(AccessError):
            order.sudo(self.user_sales).write({'eco_hold_override': True})
        with self.assertRaises(UserError):
            order.sudo(self.user_finance)._eco_override_credit_hold('   ')
        self.assertFalse(order.eco_hold_override)
        wizard = self.env['eco.credit.hold.override'].sudo(self.user_finance).create({
            'order_id': order.id, 'reason': 'Bank guarantee <b>received</b>'})
        wizard.action_override()
        self.assertTrue(order.eco_hold_override)
        self.assertEqual(order.eco_hold_override_user_id, self.user_finance)
        body = order.message_ids[0].body
        self.assertIn('Bank guarantee &lt;b&gt;received&lt;/b&gt;', body)
        order.sudo(self.user_sales).action_confirm()
        self.assertEqual(order.state, 'sale')
        # the hold stays for the customer's other quotations
        with self.assertRaises(UserError):
            self._order(self.partner_a).action_confirm()

    def test_only_finance_managers_set_hold(self):
        with self.assertRaises(AccessError):
            self.partner_a.sudo(self.user_sales).write({'eco_credit_hold': True})
        with self.assertRaises(AccessError):
            self.partner_a.sudo(self.user_accountant).write({'eco_credit_hold': True})
        self.assertFalse(self.partner_a.eco_credit_hold)
        wizard = self.env['eco.credit.hold.wizard'].sudo(self.user_finance).create({
            'partner_id': self.partner_a.id, 'hold': True, 'reason': 'Disputed'})
        wizard.action_apply()
        self.assertTrue(self.partner_a.eco_credit_hold)
        self.assertEqual(self.partner_a.eco_credit_hold_reason, 'Disputed')
        self.env['eco.credit.hold.wizard'].sudo(self.user_finance).create({
            'partner_id': self.partner_a.id, 'hold': False,
            'reason': 'Settled'}).action_apply()
        self.assertFalse(self.partner_a.eco_credit_hold)
        self.assertFalse(self.partner_a.eco_credit_hold_date)

    def test_auto_release_after_reconciled_payment(self):
        invoice = self._invoice(self.partner_a, 1000.0, days(-30))
        self.partner_a._eco_set_credit_hold('Dunning level 3')
        self.assertTrue(self.partner_a.eco_credit_hold)
        self.assertEqual(self.partner_a.eco_credit_hold_source, 'dunning')
        # a partial payment leaves an overdue amount: the hold stays
        self._pay(invoice, 400.0)
        self.assertEqual(invoice.residual, 600.0)
        self.assertTrue(self.partner_a.eco_credit_hold)
        self._pay(invoice, 600.0)
        self.assertEqual(invoice.state, 'paid')
        self.assertFalse(self.partner_a.eco_credit_hold)
        self.assertFalse(self.partner_a.eco_credit_hold_reason)
        self.assertIn('Credit hold lifted', self.partner_a.message_ids[0].body)

    def test_manual_hold_not_released_by_payment(self):
        invoice = self._invoice(self.partner_a, 500.0, days(-30))
        self.partner_a.sudo(self.user_finance).write({
            'eco_credit_hold': True, 'eco_credit_hold_reason': 'Disputed quality'})
        self._pay(invoice)
        self.assertTrue(self.partner_a.eco_credit_hold)
