# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError, UserError

from .common import EcoSafetyCase, hours

PHOTO = base64.b64encode(
    b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06'
    b'\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01'
    b'\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82')


class TestSite(EcoSafetyCase):

    @classmethod
    def setUpClass(cls):
        super(TestSite, cls).setUpClass()
        cls.checklist = cls.env['eco.safety.checklist.template'].create({
            'name': 'Sf weekly',
            'item_ids': [(0, 0, {'name': 'Guard rails complete', 'severity': 'high'}),
                         (0, 0, {'name': 'Extinguisher in place',
                                 'severity': 'medium'})],
        })

    def _activities(self, record):
        return self.env['mail.activity'].search([
            ('res_model', '=', record._name), ('res_id', '=', record.id)])

    def test_risk_score_and_level(self):
        job, plan = self._ready_job()
        Line = self.env['eco.safety.risk.line']
        values = [('3', '5', 15, 'high'), ('5', '5', 25, 'critical'),
                  ('1', '4', 4, 'low'), ('3', '3', 9, 'medium')]
        for likelihood, severity, score, level in values:
            line = Line.create({'plan_id': plan.id, 'hazard': 'x',
                                'likelihood': likelihood, 'severity': severity})
            self.assertEqual((line.score, line.level), (score, level))
        self.assertEqual(plan.max_risk_score, 25)

    def _inspect(self, plan, fail):
        inspection = self.env['eco.safety.inspection'].sudo(self.officer).create({
            'plan_id': plan.id, 'template_id': self.checklist.id})
        self.assertEqual(len(inspection.line_ids), 2)
        with self.assertRaises(UserError):
            inspection.action_done()  # results missing
        for line in inspection.line_ids:
            line.result = 'fail' if line.name == fail else 'pass'
        inspection.line_ids.write({'responsible_id': self.tech_user.id})
        inspection.action_done()
        return inspection

    def test_inspection_hazard_action_verification(self):
        job, plan = self._ready_job()
        inspection = self._inspect(plan, 'Extinguisher in place')
        hazard = inspection.hazard_ids
        self.assertEqual(len(hazard), 1)
        self.assertEqual((hazard.severity, hazard.user_id, hazard.state),
                         ('medium', self.tech_user, 'open'))
        action = hazard.action_id
        self.assertEqual((action.type_action, action.user_id),
                         ('correction', self.tech_user))
        # the responsible rectifies, the officer verifies (photo needed)
        hazard_tech = hazard.sudo(self.tech_user)
        with self.assertRaises(UserError):
            hazard_tech.action_rectified()
        hazard.rectification = 'Extinguisher put back and checked'
        hazard.action_rectified()
        with self.assertRaises(AccessError):
            hazard.sudo(self.plain).read(['name'])
        hazard = hazard.sudo(self.officer)
        with self.assertRaises(UserError):
            hazard.action_verify_close()
        self.assertEqual(hazard.state, 'rectified')
        hazard.verification_photo = PHOTO
        hazard.action_verify_close()
        self.assertEqual((hazard.state, hazard.verified_by), ('closed', self.officer))
        self.assertTrue(hazard.date_done)
        self.assertEqual(action.stage_id, self.env.ref('mgmtsystem_action.stage_close'))
        # a medium hazard did not stop the job
        job.action_start()
        self.assertEqual(job.state, 'in_progress')

    def test_high_severity_hazard_blocks_job(self):
        job, plan = self._ready_job()
        inspection = self._inspect(plan, 'Guard rails complete')
        hazard = inspection.hazard_ids
        self.assertEqual(hazard.severity, 'high')
        with self.assertRaises(UserError) as ctx:
            job.action_start()
        self.assertIn('Guard rails complete', ctx.exception.name)
        hazard.write({'rectification': 'Rails fixed', 'verification_photo': PHOTO})
        hazard.action_rectified()
        with self.assertRaises(UserError):
            job.action_start()  # rectified but not verified
        hazard.sudo(self.officer).action_verify_close()
        job.action_start()
        self.assertEqual(job.state, 'in_progress')

    def test_overdue_rectification_escalates_once_per_level(self):
        job, plan = self._ready_job()
        hazard = self.env['eco.safety.hazard'].create({
            'name': 'Sf open trench', 'plan_id': plan.id, 'severity': 'low',
            'user_id': self.tech_user.id, 'manager_id': self.manager.id,
            'deadline': hours(-2)})
        Hazard = self.env['eco.safety.hazard']
        self.assertEqual(Hazard._cron_eco_escalate_overdue(), 1)
        self.assertEqual(hazard.escalation_level, 1)
        self.assertEqual(self._activities(hazard).mapped('user_id'), self.tech_user)
        self.assertEqual(Hazard._cron_eco_escalate_overdue(), 0)
        self.env['ir.config_parameter'].set_param(
            'eco_order.escalation_grace_hours', '1')
        self.assertEqual(Hazard._cron_eco_escalate_overdue(), 1)
        self.assertEqual(hazard.escalation_level, 2)
        self.assertEqual(self._activities(hazard).mapped('user_id'),
                         self.tech_user | self.manager)
        self.assertEqual(Hazard._cron_eco_escalate_overdue(), 0)
        self.assertEqual(len(self._activities(hazard)), 2)

    def test_access_by_group(self):
        job, plan = self._ready_job()
        # the technician reads the plan, permits and PPE of their job
        plan_tech = plan.sudo(self.tech_user)
        self.assertEqual(plan_tech.permit_ids.mapped('permit_type'), ['height'])
        self.assertEqual(len(plan_tech.ppe_ids), 2)
        with self.assertRaises(AccessError):
            plan_tech.write({'briefing': 'changed'})
        # another technician and a plain employee see nothing of it
        for user in (self.tech_other, self.plain):
            with self.assertRaises(AccessError):
                plan.sudo(user).read(['name'])
            with self.assertRaises(AccessError):
                plan.permit_ids.sudo(user).read(['name'])
            with self.assertRaises(AccessError):
                plan.ppe_ids.sudo(user).read(['name'])
            with self.assertRaises(AccessError):
                self.env['eco.safety.plan'].sudo(user).create({'name': 'x'})
        # officers create and approve, only managers configure the risks
        other = self.env['eco.safety.plan'].sudo(self.officer).create({'name': 'Sf'})
        self.assertEqual(other.state, 'draft')
        with self.assertRaises(AccessError):
            self.env['eco.safety.risk'].sudo(self.officer).create(
                {'name': 'x', 'code': 'SF_X'})
        self.env['eco.safety.risk'].sudo(self.manager).create(
            {'name': 'x', 'code': 'SF_X'})
        # the worker signs for their PPE
        issue = plan_tech.ppe_ids[0]
        with self.assertRaises(UserError):
            issue.action_sign()
        issue.signature = PHOTO
        issue.action_sign()
        self.assertTrue(issue.signed)

    def test_permit_pdf_renders(self):
        job, plan = self._ready_job()
        report = self.env.ref('eco_safety.action_report_eco_safety_permit')
        html = report.render_qweb_html(plan.permit_ids.ids)[0]
        self.assertIn(plan.permit_ids.name.encode(), html)
        self.assertIn(b'Fall from the platform', html)

    def test_inspection_cron_and_compliance(self):
        job, plan = self._ready_job()
        plan.write({'inspection_template_id': self.checklist.id,
                    'inspection_interval_days': 7,
                    'next_inspection_date': plan.create_date[:10]})
        Plan = self.env['eco.safety.plan']
        self.assertEqual(Plan._cron_eco_schedule_inspections(), 1)
        self.assertEqual(len(plan.inspection_ids), 1)
        self.assertEqual(Plan._cron_eco_schedule_inspections(), 0)
        res = self.order._eco_compliance_safety_site()
        self.assertEqual(res[self.order.id][0], 'met')
        self.env['eco.safety.hazard'].create({
            'name': 'Sf late', 'plan_id': plan.id, 'deadline': hours(-1)})
        res = self.order._eco_compliance_safety_site()
        self.assertEqual(res[self.order.id][0], 'missing')
        self.assertEqual(job.eco_safety_plan_id, plan)
