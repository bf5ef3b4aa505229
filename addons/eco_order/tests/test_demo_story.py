# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo data of issue 14: the portal demo customer has an acceptance waiting
for its signature and a change request waiting for its consent."""
from odoo.tests.common import TransactionCase


class TestDemoStory(TransactionCase):

    def setUp(self):
        super(TestDemoStory, self).setUp()
        module = self.env['ir.module.module'].search([('name', '=', 'eco_order')])
        if not module.demo:
            self.skipTest('eco_order demo data is not installed')
        self.customer = self.env['res.users'].search([('login', '=', 'customer')])

    def test_01_acceptance_waits_for_the_customer(self):
        acceptance = self.env.ref('eco_order.eco_acceptance_to_sign_demo',
                                  raise_if_not_found=False)
        if not acceptance:
            # demo/eco_order_story_demo.xml is created on install only (forcecreate)
            self.skipTest('database installed before the story demo data')
        self.assertEqual(acceptance.state, 'passed')
        self.assertFalse(acceptance.signed_by)
        self.assertEqual(set(acceptance.line_ids.mapped('result')), {'passed'})
        order = acceptance.order_id
        self.assertEqual(order.state, 'sale')
        self.assertTrue(order.eco_delivery_ready)
        self.assertEqual(order.partner_id,
                         self.customer.partner_id.commercial_partner_id)
        # the portal customer reaches its order (the portal page signs it)
        self.assertIn(order, self.env['sale.order'].sudo(self.customer).search([]))

    def test_02_change_request_waits_for_the_customer(self):
        pending = self.env['eco.order.change.request'].search(
            [('state', '=', 'pending'), ('proposed_by', '=', 'staff'),
             ('order_id.partner_id', '=', self.customer.partner_id.parent_id.id)])
        self.assertEqual(pending, self.env.ref(
            'eco_order.eco_order_change_request_confirmed_demo'))

    def test_03_company_products_offered(self):
        """The demo products are in the categories the demo company offers on order
        requests (scripts/demo_company.py sets them on the run database)."""
        categories = self.env.ref('eco_order.product_category_eco_equipment_demo') \
            | self.env.ref('eco_order.product_category_eco_consumable_demo') \
            | self.env.ref('eco_order.product_category_eco_service_demo')
        company = self.env.user.company_id
        company.eco_request_categ_ids = categories
        offered = self.env['product.product'].search(
            company._eco_request_product_domain())
        self.assertIn(self.env.ref('eco_order.product_eco_wwtp_unit_demo'), offered)
        self.assertIn(self.env.ref('eco_order.product_eco_monitoring_demo'), offered)
        ours = self.env['product.category'].search([('id', 'child_of', categories.ids)])
        generic = self.env['product.product'].search(
            [('sale_ok', '=', True), ('categ_id', 'not in', ours.ids)])
        self.assertTrue(generic)
        self.assertFalse((offered & generic)
                         - self.env.ref('eco_order.product_product_eco_unspecified'))
