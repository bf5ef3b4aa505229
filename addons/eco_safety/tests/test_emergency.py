# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import EcoSafetyCase, days, hours


class TestEmergency(EcoSafetyCase):

    @classmethod
    def setUpClass(cls):
        super(TestEmergency, cls).setUpClass()
        cls.plan = cls.env['eco.safety.emergency.plan'].sudo(cls.manager).create({
            'name': 'Sf chlorine leak', 'kind': 'chemical_leak',
            'coordinator_id': cls.officer.id, 'drill_interval_months': 6,
            'role_ids': [(0, 0, {'name': 'Commander',
                                 'employee_id': cls.technician.id})],
            'contact_ids': [(0, 0, {'name': 'Fire brigade', 'phone': '119',
                                    'external': True})],
        })
        cls.kind = cls.env['eco.safety.incident.kind'].create({
            'name': 'Sf injury', 'code': 'SF_INJURY', 'report_hours': 24,
            'warn_hours': 4})

    def _activities(self, record):
        return self.env['mail.activity'].search([
            ('res_model', '=', record._name), ('res_id', '=', record.id)])

    def test_plan_approval_versions(self):
        with self.assertRaises(AccessError):
            self.plan.sudo(self.officer).action_approve()
        self.plan.sudo(self.manager).action_approve()
        self.assertEqual((self.plan.state, self.plan.version), ('approved', 1))
        self.plan.sudo(self.manager).action_revise()
        self.assertEqual((self.plan.state, self.plan.version), ('draft', 2))
        # everyone reads the emergency plans
        self.assertEqual(self.plan.sudo(self.plain).contact_ids.phone, '119')

    def test_drill_cron_plans_next_drill_once(self):
        Plan = self.env['eco.safety.emergency.plan']
        self.plan.action_approve()
        self.env['eco.safety.drill'].create({
            'plan_id': self.plan.id, 'date': days(-200), 'state': 'done'})
        self.assertEqual(self.plan.last_drill_date, days(-200))
        self.assertTrue(self.plan.drill_overdue)
        self.assertIn(self.plan, Plan.search([('drill_overdue', '=', True)]))
        drills = Plan._cron_eco_plan_drills()
        drill = drills.filtered(lambda d: d.plan_id == self.plan)
        self.assertEqual((len(drill), drill.date, drill.state),
                         (1, days(0), 'planned'))
        activity = self._activities(drill)
        self.assertEqual(activity.user_id, self.officer)
        self.assertFalse(Plan._cron_eco_plan_drills().filtered(
            lambda d: d.plan_id == self.plan))
        self.assertEqual(len(self.plan.drill_ids.filtered(
            lambda d: d.state == 'planned')), 1)
        # the drill record
        drill = drill.sudo(self.officer)
        with self.assertRaises(UserError):
            drill.action_done()
        drill.write({'participant_ids': [(6, 0, self.technician.ids)],
                     'evaluation': 'Evacuated in 3 minutes', 'duration_minutes': 30})
        finding = drill.action_add_finding('Spill kit locked away')
        self.assertEqual(finding.type_action, 'improvement')
        drill.action_done()
        self.assertEqual(self.plan.last_drill_date, days(0))
        self.assertFalse(self.plan.drill_overdue)
        report = self.env.ref('eco_safety.action_report_eco_safety_drill')
        html = report.render_qweb_html(drill.ids)[0]
        self.assertIn(b'Spill kit locked away', html)
        self.assertIn(b'Evacuated in 3 minutes', html)

    def test_incident_deadline_escalation(self):
        incident = self.env['eco.safety.incident'].sudo(self.officer).create({
            'name': 'Sf hand cut', 'kind_id': self.kind.id, 'date': hours(-20.5),
            'order_id': self.order.id, 'manager_id': self.manager.id,
            'employee_ids': [(6, 0, self.technician.ids)]})
        self.assertEqual(incident.report_deadline[:16], hours(3.5)[:16])
        self.assertEqual(incident.deadline[:16], hours(-0.5)[:16])
        Incident = self.env['eco.safety.incident']
        self.assertEqual(Incident._cron_eco_escalate_overdue(), 1)
        self.assertEqual(incident.escalation_level, 1)
        self.assertEqual(self._activities(incident).mapped('user_id'), self.officer)
        self.assertEqual(Incident._cron_eco_escalate_overdue(), 0)
        self.env['ir.config_parameter'].set_param(
            'eco_safety.incident_grace_hours', '0.25')
        self.assertEqual(Incident._cron_eco_escalate_overdue(), 1)
        self.assertEqual(incident.escalation_level, 2)
        self.assertEqual(len(self._activities(incident)), 2)
        self.assertEqual(Incident._cron_eco_escalate_overdue(), 0)
        # the technician involved reads it, cannot change it
        with self.assertRaises(AccessError):
            incident.sudo(self.tech_user).write({'root_cause': 'x'})
        self.assertEqual(incident.sudo(self.tech_user).name, 'Sf hand cut')
        with self.assertRaises(AccessError):
            incident.sudo(self.tech_other).read(['name'])
        # investigation after the report, closure with the root cause
        with self.assertRaises(UserError):
            incident.action_investigate()
        incident.action_report()
        self.assertEqual(incident.deadline_state, 'done_late')
        incident.action_investigate()
        with self.assertRaises(UserError):
            incident.action_close()
        incident.root_cause = 'Blade guard removed'
        action = incident.action_add_action('Refit the blade guards')
        self.assertEqual(action.type_action, 'correction')
        incident.action_close()
        self.assertEqual(incident.state, 'closed')
        res = self.order._eco_compliance_safety_emergency()
        self.assertEqual(res[self.order.id][0], 'met')

    def test_near_miss_reported_by_employee(self):
        near_miss = self.env.ref('eco_safety.eco_safety_incident_kind_near_miss')
        incident = self.env['eco.safety.incident'].sudo(self.tech_user).create({
            'name': 'Sf dropped spanner', 'kind_id': near_miss.id})
        self.assertTrue(incident.near_miss)
        self.assertFalse(incident.report_deadline)
        self.assertFalse(incident.deadline)
        incident = incident.sudo(self.officer)
        incident.action_investigate()
        incident.root_cause = 'No tool lanyard'
        incident.action_close()
        self.assertEqual(incident.state, 'closed')
