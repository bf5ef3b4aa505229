# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError

from .common import EcoFinanceCase


class TestPricing(EcoFinanceCase):

    def test_default_margin(self):
        order = self._order(self.partner_a, price=150.0, qty=2.0)
        line = order.order_line
        self.assertEqual(line.purchase_price, 100.0)
        self.assertEqual(line.eco_target_margin, 25.0)
        self.assertEqual(line.eco_suggested_price, 125.0)
        self.assertAlmostEqual(line.eco_margin_percent, 33.33, places=2)
        self.assertAlmostEqual(order.eco_margin_percent, 33.33, places=2)

    def test_rules_and_factors(self):
        order_type = self.env['eco.order.type'].create({
            'name': 'Turnkey project', 'code': 'turnkey_fin'})
        segment = self.env['res.partner.category'].create({'name': 'Key account'})
        self.policy.write({
            'rule_ids': [
                (0, 0, {'categ_id': self.categ.id, 'target_margin': 30.0}),
                (0, 0, {'categ_id': self.categ.id, 'order_type_id': order_type.id,
                        'target_margin': 40.0}),
            ],
            'factor_ids': [(0, 0, {'partner_category_id': segment.id,
                                   'factor': 1.1})],
        })
        order = self._order(self.partner_a, price=150.0)
        self.assertEqual(order.order_line.eco_target_margin, 30.0)
        self.assertEqual(order.order_line.eco_suggested_price, 130.0)
        self.partner_a.category_id = [(4, segment.id)]
        order.order_type_id = order_type
        order.order_line.invalidate_cache()
        self.assertEqual(order.order_line.eco_target_margin, 40.0)
        self.assertEqual(order.order_line.eco_suggested_price, 154.0)
        order.action_eco_apply_suggested_prices()
        self.assertEqual(order.order_line.price_unit, 154.0)
        self.assertAlmostEqual(order.order_line.eco_margin_percent, 35.06, places=2)

    def test_pricelist_factor_first(self):
        pricelist = self.env['product.pricelist'].create({'name': 'Export'})
        self.policy.write({'factor_ids': [
            (0, 0, {'pricelist_id': pricelist.id, 'factor': 1.2}),
            (0, 0, {'country_id': self.env.ref('base.cn').id, 'factor': 0.9}),
        ]})
        self.partner_a.country_id = self.env.ref('base.cn')
        order = self._order(self.partner_a)
        self.assertEqual(order.order_line.eco_suggested_price, 112.5)
        order.pricelist_id = pricelist
        order.order_line.invalidate_cache()
        self.assertEqual(order.order_line.eco_suggested_price, 150.0)

    def test_flags(self):
        order = self._order(self.partner_a, price=105.0)
        self.assertAlmostEqual(order.order_line.eco_margin_percent, 4.76, places=2)
        self.assertTrue(order.eco_low_margin)
        self.assertFalse(order.eco_high_discount)
        order.order_line.write({'price_unit': 200.0, 'discount': 15.0})
        self.assertFalse(order.eco_low_margin)
        self.assertTrue(order.eco_high_discount)

    def test_bad_input(self):
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.policy.max_discount = 120.0
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env['eco.pricing.factor'].create({
                'policy_id': self.policy.id, 'factor': 1.1})
        self.policy.invalidate_cache()
        self.assertEqual(self.policy.max_discount, 10.0)
        order = self._order(self.partner_b)
        order.sudo().write({'state': 'sale'})
        with self.assertRaises(UserError):
            order.action_eco_apply_suggested_prices()
