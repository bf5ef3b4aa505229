# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo data: orders in every intake state, users of every role, routed needs."""
from odoo.tests.common import TransactionCase


class TestDemoData(TransactionCase):

    def setUp(self):
        super(TestDemoData, self).setUp()
        module = self.env['ir.module.module'].search([('name', '=', 'eco_order')])
        if not module.demo:
            self.skipTest('eco_order demo data is not installed')

    def test_01_orders_in_every_intake_state(self):
        states = {
            'new': 'eco_order.sale_order_eco_new_demo',
            'review': 'eco_order.sale_order_eco_review_demo',
            'clarification': 'eco_order.sale_order_eco_clarification_demo',
            'accepted': 'eco_order.sale_order_eco_accepted_demo',
            'rejected': 'eco_order.sale_order_eco_rejected_demo',
        }
        for state, xmlid in states.items():
            order = self.env.ref(xmlid)
            self.assertEqual(order.intake_state, state, xmlid)
            self.assertTrue(order.order_line, xmlid)
            self.assertTrue(all(order.order_line.mapped('eco_specification')), xmlid)
            self.assertTrue(order.intake_required_date, xmlid)
        channels = set(self.env['sale.order'].search(
            [('partner_id.country_id', '=', self.env.ref('base.cn').id),
             ('order_line.eco_specification', '!=', False)]).mapped('intake_channel'))
        self.assertEqual(channels, {'phone', 'email', 'portal', 'fax', 'other'})
        accepted = self.env.ref('eco_order.sale_order_eco_accepted_demo')
        self.assertTrue(accepted.intake_is_complete, accepted.intake_missing)
        rejected = self.env.ref('eco_order.sale_order_eco_rejected_demo')
        self.assertEqual(rejected.intake_reject_reason[:6], 'Survey')

    def test_02_users_and_departments(self):
        customer = self.env['res.users'].search([('login', '=', 'customer')])
        self.assertTrue(customer.has_group('base.group_portal'))
        self.assertFalse(customer.has_group('base.group_user'))
        self.assertEqual(customer.partner_id.parent_id,
                         self.env.ref('eco_order.partner_eco_dyeing_demo'))
        customer2 = self.env['res.users'].search([('login', '=', 'customer2')])
        self.assertTrue(customer2.has_group('base.group_portal'))
        self.assertEqual(customer2.partner_id.commercial_partner_id,
                         self.env.ref('eco_order.partner_eco_chemical_demo'))
        staff = self.env.ref('eco_order.user_eco_staff_demo')
        manager = self.env.ref('eco_order.user_eco_manager_demo')
        self.assertEqual(staff.login, 'eco_staff')
        self.assertEqual(manager.login, 'eco_manager')
        self.assertTrue(staff.has_group('eco_order.group_eco_order_user'))
        self.assertFalse(staff.has_group('eco_order.group_eco_order_manager'))
        self.assertTrue(manager.has_group('eco_order.group_eco_order_manager'))
        engineering = self.env.ref('eco_order.hr_department_eco_engineering_demo')
        self.assertEqual(engineering.member_ids.mapped('user_id'), staff | manager)
        # the portal customer sees its company's orders, not the other customer's
        orders = self.env['sale.order'].sudo(customer).search([])
        self.assertTrue(orders)
        self.assertEqual(orders.mapped('partner_id'),
                         self.env.ref('eco_order.partner_eco_dyeing_demo'))

    def test_03_needs_in_several_states(self):
        expected = {
            'eco_order.eco_order_need_routed_demo': 'routed',
            'eco_order.eco_order_need_progress_demo': 'in_progress',
            'eco_order.eco_order_need_done_demo': 'done',
            'eco_order.eco_order_need_monitoring_demo': 'routed',
            'eco_order.eco_order_need_cancelled_demo': 'cancelled',
        }
        for xmlid, state in expected.items():
            self.assertEqual(self.env.ref(xmlid).state, state, xmlid)
        routed = self.env.ref('eco_order.eco_order_need_routed_demo')
        self.assertEqual(
            routed.activity_ids.mapped('user_id'),
            self.env.ref('eco_order.user_eco_staff_demo')
            | self.env.ref('eco_order.user_eco_manager_demo'))
        self.assertEqual(len(routed.activity_ids), 2)
        self.assertTrue(self.env.ref('eco_order.eco_order_need_done_demo').date_done)

    def test_04_products(self):
        for xmlid, kind in (('product_eco_bag_filter_demo', 'consu'),
                            ('product_eco_pac_demo', 'consu'),
                            ('product_eco_soil_survey_demo', 'service')):
            product = self.env.ref('eco_order.%s' % xmlid)
            self.assertEqual(product.type, kind)
            self.assertTrue(product.description_sale)
            self.assertGreater(product.list_price, 0)

    def test_05_allocated_orders_and_milestones(self):
        staff = self.env.ref('eco_order.user_eco_staff_demo')
        self.assertEqual(staff.eco_order_cap, 8)
        self.assertIn(self.env.ref('eco_order.eco_skill_wastewater'),
                      staff.eco_skill_ids)
        for xmlid in ('eco_order.sale_order_eco_accepted_demo',
                      'eco_order.sale_order_eco_accepted2_demo'):
            order = self.env.ref(xmlid)
            self.assertEqual(order.eco_project_lead_id, staff, xmlid)
            self.assertEqual(order.eco_allocation_rule_id,
                             self.env.ref('eco_order.eco_allocation_rule_water_demo'))
            self.assertEqual(len(order.eco_milestone_ids), 7, xmlid)
        acknowledged = self.env.ref('eco_order.sale_order_eco_accepted_demo')
        self.assertEqual(acknowledged.eco_ack_state, 'done')
        milestones = acknowledged.eco_milestone_ids.sorted('sequence')
        self.assertEqual(milestones.mapped('state'), ['done', 'done'] + ['pending'] * 5)
        pending = self.env.ref('eco_order.sale_order_eco_accepted2_demo')
        self.assertEqual(pending.eco_ack_state, 'pending')

    def test_06_portal_customer_confirmed_order(self):
        customer = self.env['res.users'].search([('login', '=', 'customer')])
        order = self.env.ref('eco_order.sale_order_eco_confirmed_demo')
        self.assertEqual(order.state, 'sale')
        self.assertEqual(order.partner_id, customer.partner_id.commercial_partner_id)
        self.assertEqual(order.eco_project_lead_id,
                         self.env.ref('eco_order.user_eco_manager_demo'))
        requests = order.eco_change_request_ids
        self.assertEqual(len(requests), 1)
        self.assertEqual(requests.state, 'pending')
        self.assertEqual(requests.proposed_by, 'staff')
        self.assertEqual(requests.proposer_partner_id,
                         self.env.ref('eco_order.user_eco_staff_demo').partner_id)
        self.assertEqual(requests.old_date, order.eco_delivery_date)
        self.assertGreater(requests.new_date, order.eco_delivery_date)
        # the portal customer reaches the order and the change request
        self.assertIn(order, self.env['sale.order'].sudo(customer).search([]))
        checks = order.eco_delivery_check_ids
        self.assertEqual(len(checks), 3)
        self.assertEqual(checks.mapped('done').count(True), 1)
        self.assertFalse(order.eco_delivery_ready)
        collaboration = order.eco_collaboration_ids
        self.assertEqual(collaboration, self.env.ref(
            'eco_order.eco_order_collaboration_confirmed_demo'))
        self.assertEqual(sorted(collaboration.task_ids.mapped('progress')),
                         [40.0, 100.0])
        self.assertAlmostEqual(collaboration.progress, 80.0)

    def test_07_signed_acceptance(self):
        acceptance = self.env.ref('eco_order.eco_acceptance_delivered_demo')
        self.assertEqual(acceptance.state, 'signed')
        self.assertEqual(acceptance.signed_by, 'Zhou Min')
        self.assertTrue(acceptance.signature_text or acceptance.paper_signed)
        self.assertEqual(set(acceptance.line_ids.mapped('result')), {'passed'})
        order = acceptance.order_id
        self.assertEqual(order.state, 'sale')
        self.assertTrue(order.eco_delivery_ready)
        self.assertTrue(all(order.eco_delivery_check_ids.mapped('done')))
        self.assertEqual(order.eco_acceptance_state, 'passed')
        self.assertEqual(order.eco_progress_stage, 'completed')

    def test_08_customer_classification(self):
        ref = self.env.ref
        self.assertEqual(ref('eco_order.partner_eco_chemical_demo').eco_classification,
                         'confidential')
        self.assertEqual(ref('eco_order.partner_eco_municipal_demo').eco_classification,
                         'public')
        self.assertEqual(ref('eco_order.partner_eco_dyeing_demo').eco_classification,
                         'internal')
        self.assertTrue(ref('eco_order.user_eco_manager_demo').has_group(
            'eco_order.group_eco_customer_confidential'))
