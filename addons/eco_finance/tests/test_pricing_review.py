# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import EcoFinanceCase


class TestPricingReview(EcoFinanceCase):

    @classmethod
    def setUpClass(cls):
        super(TestPricingReview, cls).setUpClass()
        cls.tiers = {
            key: cls.env.ref('eco_finance.tier_definition_%s' % key)
            for key in ('new_customer', 'special_order', 'low_margin', 'high_discount')}
        for tier in cls.tiers.values():
            # as the form's onchange does: an individual review has no group
            tier.write({'active': False, 'review_type': 'individual',
                        'reviewer_id': cls.user_finance.id,
                        'reviewer_group_id': False})
        cls.activity_type = cls.env.ref('eco_finance.mail_activity_type_pricing_review')
        # partner_a is a known customer: one confirmed order
        cls._order(cls.partner_a).action_confirm()

    def _check_reason(self, key, order):
        self.tiers[key].active = True
        name = self.tiers[key].name
        salesman = order.sudo(self.user_sales)
        self.assertTrue(order.need_validation)
        with self.assertRaises(UserError) as err:
            salesman.action_quotation_send()
        self.assertIn(name, str(err.exception))
        self.assertIn('Zhao Finance', str(err.exception))
        with self.assertRaises(UserError):
            salesman.print_quotation()
        with self.assertRaises(UserError) as err:
            salesman.action_confirm()
        self.assertIn(name, str(err.exception))
        self.assertEqual(order.state, 'draft')

        salesman.request_validation()
        self.assertEqual(order.review_ids.mapped('status'), ['pending'])
        activities = order.activity_ids.filtered(
            lambda a: a.activity_type_id == self.activity_type)
        self.assertEqual(activities.user_id, self.user_finance)
        self.assertIn('Special-pricing review requested', order.message_ids[0].body)
        with self.assertRaises(UserError) as err:
            salesman.action_confirm()
        self.assertIn('waiting for approval', str(err.exception))
        # the salesperson can't approve
        salesman.validate_tier()
        self.assertEqual(order.review_ids.status, 'pending')

        order.sudo(self.user_finance).validate_tier()
        self.assertEqual(order.review_ids.status, 'approved')
        self.assertEqual(order.review_ids.done_by, self.user_finance)
        self.assertFalse(order.activity_ids.filtered(
            lambda a: a.activity_type_id == self.activity_type))
        self.assertIn('every tier approved', order.message_ids[0].body)
        self.assertFalse(order._eco_send_block_reasons())
        salesman.print_quotation()
        salesman.action_confirm()
        self.assertEqual(order.state, 'sale')

    def test_new_customer(self):
        new = self.env['res.partner'].create({
            'name': 'Changzhou New Customer Co.', 'is_company': True})
        order = self._order(new)
        self.assertTrue(order.eco_new_customer)
        self.assertFalse(self._order(self.partner_a).eco_new_customer)
        self._check_reason('new_customer', order)
        self.assertFalse(self._order(new).eco_new_customer)

    def test_special_order(self):
        order = self._order(self.partner_a, eco_special_order=True)
        self._check_reason('special_order', order)

    def test_low_margin(self):
        order = self._order(self.partner_a, price=105.0)
        self._check_reason('low_margin', order)

    def test_high_discount(self):
        order = self._order(self.partner_a, price=200.0)
        order.order_line.discount = 12.0
        self._check_reason('high_discount', order)

    def test_no_reason_no_review(self):
        for tier in self.tiers.values():
            tier.active = True
        order = self._order(self.partner_a, price=150.0)
        self.assertFalse(order.need_validation)
        order.sudo(self.user_sales).action_confirm()
        self.assertEqual(order.state, 'sale')

    def test_price_change_after_approval_asks_again(self):
        self.tiers['special_order'].active = True
        order = self._order(self.partner_a, eco_special_order=True)
        order.request_validation()
        order.sudo(self.user_finance).validate_tier()
        self.assertTrue(order.validated)
        order.sudo(self.user_sales).write({'note': 'Delivery in June'})
        self.assertTrue(order.validated)
        order.order_line.sudo(self.user_sales).write({'price_unit': 140.0})
        self.assertEqual(order.review_ids.mapped('status'), ['pending'])
        self.assertIn('Prices changed after the special-pricing review',
                      order.message_ids.mapped('body')[1])
        with self.assertRaises(UserError):
            order.sudo(self.user_sales).action_confirm()
        order.sudo(self.user_finance).validate_tier()
        order.sudo(self.user_sales).action_confirm()
        self.assertEqual(order.state, 'sale')

    def test_rejection_in_chatter(self):
        self.tiers['special_order'].active = True
        order = self._order(self.partner_a, eco_special_order=True)
        order.request_validation()
        order.sudo(self.user_finance).reject_tier()
        self.assertEqual(order.review_ids.status, 'rejected')
        self.assertIn('rejected by Zhao Finance', order.message_ids[0].body)
        with self.assertRaises(UserError) as err:
            order.action_confirm()
        self.assertIn('rejected', str(err.exception))
