# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A site safety plan for an order without a job: drawn up from the templates
of the order's kinds of work, approved, then used by the jobs of the order
created later (start gate, R8.2); access by group and portal unchanged."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import EcoSafetyCase, days, hours


class TestOrderPlan(EcoSafetyCase):

    @classmethod
    def setUpClass(cls):
        super(TestOrderPlan, cls).setUpClass()
        # the pump's category carries the work-at-height risk: site work
        cls.risk.categ_ids = [(6, 0, cls.categ_equipment.ids)]
        cls.site_order = cls._confirmed_order(
            cls.partner_a, order_line=[(0, 0, {
                'product_id': cls.pump.id, 'name': cls.pump.name,
                'product_uom_qty': 1.0})])

    def _order_plan(self, order=None):
        order = order or self.site_order
        action = order.sudo(self.officer).action_eco_safety_order_plan()
        return self.env['eco.safety.plan'].browse(action['res_id'])

    def _approve(self, plan):
        plan.permit_ids.write({'date_from': hours(-2), 'date_to': hours(10)})
        plan.permit_ids.sudo(self.officer).action_approve()
        plan.sudo(self.officer).action_approve()

    def _site_job(self):
        self._certify(self.technician, days(300))
        return self._job(order_id=self.site_order.id, planned_start=hours(-1),
                         planned_end=hours(8))

    def test_order_plan_created_and_approved_without_job(self):
        self.assertEqual(self.site_order._eco_safety_risks(), self.risk)
        self.assertFalse(self.site_order.eco_installation_job_ids)
        plan = self._order_plan()
        self.assertEqual((plan.is_order_plan, plan.job_ref, plan.order_id,
                          plan.partner_id, plan.state),
                         (True, False, self.site_order, self.partner_a, 'draft'))
        self.assertEqual(plan.name, 'Safety plan of order %s' % self.site_order.name)
        self.assertEqual(plan.risk_ids, self.risk)
        self.assertEqual(sorted(plan.line_ids.mapped('hazard')),
                         ['Fall from the platform', 'Falling tools'])
        self.assertEqual(plan.permit_ids.mapped('permit_type'), ['height'])
        self.assertFalse(plan.employee_ids | plan.ppe_ids.mapped('employee_id'))
        # the order has one plan: opening it again gives the same one
        self.assertEqual(self._order_plan(), plan)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env['eco.safety.plan'].sudo(self.officer).create(
                {'name': 'Sf second', 'order_id': self.site_order.id})
        self._approve(plan)
        self.assertEqual((plan.state, plan.approved_by), ('approved', self.officer))
        self.assertEqual(self.site_order.sudo(self.officer).eco_safety_plan_count, 1)

    def test_job_created_afterwards_starts_with_the_order_plan(self):
        plan = self._order_plan()
        self._approve(plan)
        job = self._site_job()
        self.assertEqual(job.eco_safety_plan_id, plan)
        # the job's technician became a worker, with the PPE to sign
        self.assertEqual(plan.employee_ids, self.technician)
        self.assertEqual(sorted(plan.ppe_ids.mapped('name')), ['Harness', 'Helmet'])
        # no second plan for the job
        job.sudo(self.officer).action_eco_safety_plan()
        self.assertEqual(self.env['eco.safety.plan'].search_count(
            [('order_id', '=', self.site_order.id)]), 1)
        job.action_plan()
        job.action_start()
        self.assertEqual(job.state, 'in_progress')
        res = self.site_order._eco_compliance_safety_site()
        self.assertEqual(res[self.site_order.id], (
            'met', 'Plans approved (1 of the order, 0 of jobs), hazards closed on '
                   'time'))

    def test_start_refused_while_the_order_plan_is_unapproved(self):
        plan = self._order_plan()
        job = self._site_job()
        self.assertEqual(job.eco_safety_plan_id, plan)
        job.action_plan()
        with self.assertRaises(UserError) as ctx:
            job.action_start()
        self.assertIn('is not approved', ctx.exception.name)
        self.assertEqual(job.state, 'planned')
        res = self.site_order._eco_compliance_safety_site()
        self.assertEqual(res[self.site_order.id],
                         ('missing', 'Plan not approved: %s' % plan.name))
        # approved but the permit's window is over: refused too
        plan.permit_ids.write({'date_from': hours(-10), 'date_to': hours(-5)})
        plan.permit_ids.sudo(self.officer).action_approve()
        plan.sudo(self.officer).action_approve()
        with self.assertRaises(UserError) as ctx:
            job.action_start()
        self.assertIn('outside the window', ctx.exception.name)
        plan.permit_ids.write({'date_to': hours(5)})
        job.action_start()
        self.assertEqual(job.state, 'in_progress')

    def test_order_chosen_by_the_planner_and_bad_input(self):
        # an order whose products carry no risk: the planner picks the kinds
        # of work and loads their templates
        plan = self._order_plan(self.order)
        self.assertEqual((plan.is_order_plan, len(plan.line_ids)), (True, 0))
        with self.assertRaises(UserError):
            plan.sudo(self.officer).action_approve()  # no risk assessment
        plan.sudo(self.officer).write({'risk_ids': [(6, 0, self.risk.ids)]})
        plan.sudo(self.officer).action_load_templates()
        plan.sudo(self.officer).action_load_templates()  # nothing twice
        self.assertEqual((len(plan.line_ids), len(plan.permit_ids)), (2, 1))
        cancelled = self._confirmed_order(self.partner_b)
        cancelled.action_cancel()
        count = self.env['eco.safety.plan'].search_count([])
        with self.assertRaises(UserError), self.cr.savepoint():
            self._order_plan(cancelled)
        self.assertEqual(self.env['eco.safety.plan'].search_count([]), count)

    def test_access_by_group_and_portal(self):
        # order staff may not draw up plans; technicians see it once on a job
        with self.assertRaises(AccessError):
            self.site_order.sudo(self.user_staff).action_eco_safety_order_plan()
        plan = self._order_plan()
        with self.assertRaises(AccessError):
            plan.sudo(self.tech_user).read(['name'])
        self._site_job()
        plan_tech = plan.sudo(self.tech_user)
        self.assertEqual(plan_tech.permit_ids.mapped('permit_type'), ['height'])
        self.assertEqual(len(plan_tech.ppe_ids), 2)
        with self.assertRaises(AccessError):
            plan_tech.write({'briefing': 'changed'})
        for user in (self.tech_other, self.plain, self.user_portal_a,
                     self.user_portal_b):
            with self.assertRaises(AccessError):
                plan.sudo(user).read(['name'])
            with self.assertRaises(AccessError):
                plan.permit_ids.sudo(user).read(['name'])
        # order staff read it; customer confidentiality follows the order
        self.assertEqual(plan.sudo(self.user_staff).name, plan.name)
        self.partner_a.eco_classification = 'confidential'
        for user in (self.officer, self.user_staff):
            with self.assertRaises(AccessError):
                plan.sudo(user).read(['name'])
        self.officer.groups_id = [
            (4, self.env.ref('eco_order.group_eco_customer_confidential').id)]
        self.assertEqual(plan.sudo(self.officer).name, plan.name)
