# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError

from .common import EcoSafetyCase, days, hours


class TestGate(EcoSafetyCase):

    def test_mixin_field_on_installation_job(self):
        field = self.env['eco.installation.job']._fields['eco_safety_risk_ids']
        self.assertEqual(field.relation, 'eco_installation_job_eco_safety_risk_rel')
        self.assertEqual(field.comodel_name, 'eco.safety.risk')

    def test_unqualified_refused_on_assignment(self):
        with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
            self._job()
        self.assertIn('Tom Technician', ctx.exception.name)
        self.assertIn('Sf Work at Height', ctx.exception.name)
        self.assertIn('missing', ctx.exception.name)
        self.assertFalse(self.env['eco.installation.job'].search(
            [('order_id', '=', self.order.id)]))
        # a job without the risk: then the risk added on write is refused too
        job = self._job(eco_safety_risk_ids=[(5, 0, 0)])
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            job.write({'eco_safety_risk_ids': [(6, 0, self.risk.ids)]})
        job.invalidate_cache()
        self.assertFalse(job.eco_safety_risk_ids)

    def test_expired_refused_qualified_accepted(self):
        cert = self._certify(self.technician, days(-1))
        with self.assertRaises(ValidationError) as ctx:
            self._job()
        self.assertIn('expired', ctx.exception.name)
        # valid today but expired on the job's date: refused
        cert.date_expiry = days(0)
        with self.assertRaises(ValidationError):
            self._job(planned_start=days(5) + ' 08:00:00',
                      planned_end=days(5) + ' 17:00:00')
        cert.date_expiry = days(30)
        job = self._job()
        self.assertEqual(job.technician_ids, self.technician)
        self.assertEqual(job.eco_safety_gate, 'Everyone qualified')

    def test_refused_on_start(self):
        """A qualification that lapsed after the assignment stops the start."""
        job, plan = self._ready_job()
        self.assertEqual(plan.state, 'approved')
        cert = self.env['eco.certification'].search(
            [('employee_id', '=', self.technician.id)])
        cert.date_expiry = days(-2)  # the job started an hour ago (maybe yesterday)
        with self.assertRaises(ValidationError) as ctx:
            job.action_start()
        self.assertIn('Tom Technician', ctx.exception.name)
        self.assertEqual(job.state, 'planned')

    def test_plan_approval_and_permit_window_gate_start(self):
        self._certify(self.technician, days(300))
        job = self._job(planned_start=hours(-1), planned_end=hours(8))
        job.action_plan()
        with self.assertRaises(UserError):
            job.action_start()  # no plan
        job.sudo(self.officer).action_eco_safety_plan()
        plan = self.env['eco.safety.plan'].browse(job.eco_safety_plan_id.id)
        self.assertEqual(sorted(plan.line_ids.mapped('hazard')),
                         ['Fall from the platform', 'Falling tools'])
        self.assertEqual(sorted(plan.ppe_ids.mapped('name')), ['Harness', 'Helmet'])
        self.assertEqual(plan.permit_ids.mapped('permit_type'), ['height'])
        with self.assertRaises(UserError):
            job.action_start()  # plan not approved
        plan.sudo(self.officer).action_approve()
        with self.assertRaises(UserError):
            job.action_start()  # permit not approved
        permit = plan.permit_ids
        with self.assertRaises(UserError):
            permit.sudo(self.officer).action_approve()  # no window
        permit.write({'date_from': hours(2), 'date_to': hours(10)})
        permit.sudo(self.officer).action_approve()
        with self.assertRaises(UserError) as ctx:
            job.action_start()  # outside the window
        self.assertIn(permit.name, ctx.exception.name)
        self.assertEqual(job.state, 'planned')
        permit.write({'date_from': hours(-2)})
        job.action_start()
        self.assertEqual(job.state, 'in_progress')

    def test_expiring_qualification_warns_planner_once(self):
        cert = self._certify(self.technician, days(300))
        job = self._job(planned_start=days(10) + ' 08:00:00',
                        planned_end=days(10) + ' 17:00:00')
        job.action_plan()
        Job = self.env['eco.installation.job']
        self.assertEqual(Job._cron_eco_safety_expiring(), 0)
        cert.date_expiry = days(5)
        self.assertEqual(Job._cron_eco_safety_expiring(), 1)
        activities = self.env['mail.activity'].search([
            ('res_model', '=', 'eco.installation.job'), ('res_id', '=', job.id)])
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.user_staff)
        self.assertEqual(Job._cron_eco_safety_expiring(), 0)
        self.assertEqual(len(self.env['mail.activity'].search([
            ('res_model', '=', 'eco.installation.job'), ('res_id', '=', job.id)])), 1)

    def test_compliance_r81(self):
        cert = self._certify(self.technician, days(300))
        job = self._job()
        res = self.order._eco_compliance_safety_qualified()
        self.assertEqual(res[self.order.id][0], 'met')
        cert.date_expiry = days(-1)
        res = self.order._eco_compliance_safety_qualified()
        self.assertEqual(res[self.order.id][0], 'missing')
        self.assertIn('Tom Technician', res[self.order.id][1])
        self.assertTrue(job)
