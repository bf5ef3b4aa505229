# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import EcoFinanceCase


class TestAccess(EcoFinanceCase):

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model')
    def test_pricing_policy_for_finance_managers(self):
        for user in (self.user_sales, self.user_accountant):
            policy = self.policy.sudo(user)
            self.assertEqual(policy.min_margin, 10.0)
            with self.assertRaises(AccessError):
                policy.write({'min_margin': 1.0})
            with self.assertRaises(AccessError):
                self.env['eco.pricing.rule'].sudo(user).create({
                    'policy_id': self.policy.id, 'target_margin': 5.0})
        self.policy.sudo(self.user_finance).write({'min_margin': 12.0})
        self.assertEqual(self.policy.min_margin, 12.0)

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model')
    def test_tier_definitions_for_administrators(self):
        tier = self.env.ref('eco_finance.tier_definition_low_margin')
        with self.assertRaises(AccessError):
            tier.sudo(self.user_sales).write({'active': True})

    def test_salesperson_reads_hold_but_not_override(self):
        self.partner_a.sudo(self.user_finance).write({
            'eco_credit_hold': True, 'eco_credit_hold_reason': 'Overdue'})
        order = self._order(self.partner_a)
        self.assertTrue(order.sudo(self.user_sales).eco_partner_credit_hold)
        with self.assertRaises(AccessError):
            order.sudo(self.user_sales).action_eco_override_credit_hold()
        action = order.sudo(self.user_finance).action_eco_override_credit_hold()
        self.assertEqual(action['res_model'], 'eco.credit.hold.override')

    def test_accountant_keeps_reconciling(self):
        invoice = self._invoice(self.partner_a, 250.0, '2026-01-31')
        self.partner_a._eco_set_credit_hold('Dunning')
        payment = self.env['account.payment'].sudo(self.user_accountant).create({
            'payment_type': 'inbound', 'partner_type': 'customer',
            'partner_id': self.partner_a.id, 'amount': 250.0,
            'journal_id': self.bank_journal.id,
            'payment_method_id': self.env.ref(
                'account.account_payment_method_manual_in').id,
            'invoice_ids': [(6, 0, invoice.ids)]})
        payment.post()
        self.assertEqual(invoice.state, 'paid')
        self.assertFalse(self.partner_a.eco_credit_hold)
