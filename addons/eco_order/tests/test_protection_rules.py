# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The confidentiality rules of partners, orders and order lines (R7.2) test
columns of the record itself and hold only the terms that can match for the
user: applying them costs no query of their own (Odoo applies them to every
search and read of these models, e.g. many times in each confirmation)."""
from odoo.osv import expression
from odoo.tools.safe_eval import safe_eval

from .test_protection_common import EcoProtectionCase

RULES = ('eco_order.res_partner_rule_eco_classification',
         'eco_order.sale_order_rule_eco_classification',
         'eco_order.sale_order_line_rule_eco_classification')


class TestProtectionRules(EcoProtectionCase):

    def _domain(self, xmlid, user):
        rule = self.env.ref(xmlid)
        context = rule.sudo(user)._eval_context()
        return expression.normalize_domain(safe_eval(rule.domain_force, context))

    @staticmethod
    def _fields(domain):
        return sorted({leaf[0] for leaf in domain
                       if expression.is_leaf(leaf) and leaf[0] not in (0, 1)})

    def test_rules_of_staff_test_own_columns(self):
        for xmlid in RULES:
            fields = self._fields(self._domain(xmlid, self.user_staff))
            self.assertEqual([f for f in fields if '.' in f], [], xmlid)
        self.assertEqual(
            self._fields(self._domain(RULES[1], self.user_staff)),
            ['eco_classification', 'eco_commercial_partner_id'])
        self.assertEqual(
            self._fields(self._domain(RULES[0], self.user_staff)),
            ['commercial_partner_id', 'eco_effective_classification',
             'eco_is_internal_user', 'id'])

    def test_secret_term_only_with_clearance(self):
        self.assertEqual(
            self._fields(self._domain(RULES[1], self.user_secret)),
            ['eco_classification', 'eco_commercial_partner_id',
             'eco_commercial_partner_id.eco_allowed_user_ids'])
        self.assertIn('commercial_partner_id.eco_allowed_user_ids',
                      self._fields(self._domain(RULES[0], self.user_secret)))

    def _search_queries(self, Order):
        Order.search([('id', 'in', self.all_orders.ids)])  # rule domains cached
        self.env.cr.sql_log_count = 0
        found = Order.search([('id', 'in', self.all_orders.ids)])
        return self.env.cr.sql_log_count, found

    def test_rule_of_orders_costs_no_query(self):
        Order = self.env['sale.order'].sudo(self.user_staff)
        queries, found = self._search_queries(Order)
        self.assertEqual(sorted(found.mapped('eco_classification')),
                         ['internal', 'public'])
        # the same search without the confidentiality rules (Odoo's own
        # rules, e.g. the multi-company one, may cost queries)
        self.env.ref(RULES[1]).write({'active': False})
        queries_vanilla, found = self._search_queries(Order)
        self.assertEqual(found, self.all_orders)
        self.assertEqual(queries, queries_vanilla)

    def test_stored_level_follows_the_customer(self):
        order = self.orders['internal']
        self.assertEqual(order.eco_classification, 'internal')
        self.customers['internal'].write({'eco_classification': 'confidential'})
        self.assertEqual(order.eco_classification, 'confidential')
        self.assertEqual(set(order.order_line.mapped('eco_classification')),
                         {'confidential'})
        self.assertFalse(self.env['sale.order'].sudo(self.user_staff).search(
            [('id', '=', order.id)]))
        self.assertEqual(self.env['sale.order'].sudo(self.user_conf).search(
            [('id', '=', order.id)]), order)
        self.assertEqual(order.eco_commercial_partner_id, self.customers['internal'])
        self.assertEqual(order.order_line.mapped('eco_commercial_partner_id'),
                         self.customers['internal'])
