# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Workload and care (R9.1), team activities (R4.3), compliance clauses."""
from odoo.exceptions import AccessError, UserError

from .common import EcoHrCase


class TestWorkload(EcoHrCase):

    def _open_orders(self, user, count):
        orders = self.env['sale.order']
        for _i in range(count):
            order = self._create_order(self.partner_b)
            order.write({'intake_state': 'accepted', 'eco_project_lead_id': user.id})
            orders |= order
        return orders

    def test_01_workload_and_overload_alert_once(self):
        # overloads of the demo data are alerted first
        self.env['hr.employee']._cron_eco_overload_alert()
        self.user_li.eco_order_cap = 2
        orders = self._open_orders(self.user_li, 3)
        self.env['eco.order.milestone'].create({
            'order_id': orders[0].id, 'name': 'Design', 'user_id': self.user_li.id,
            'deadline': '2020-01-01 10:00:00'})
        self.env['eco.order.milestone'].create({
            'order_id': orders[0].id, 'name': 'Delivery', 'user_id': self.user_li.id,
            'deadline': '2099-01-01 10:00:00'})
        self.env['eco.order.question'].create({
            'order_id': orders[0].id, 'department_id': self.dept_water.id,
            'question': 'Which pump model?'})
        self._leave_today(self.emp_li)
        li = self.emp_li
        li.invalidate_cache()
        self.assertEqual(
            (li.eco_open_orders, li.eco_open_milestones, li.eco_overdue_milestones,
             li.eco_open_questions, li.eco_planned_hours, li.eco_leave_days_week,
             li.eco_on_leave_today, li.eco_overloaded),
            (3, 2, 1, 1, 12.0, 1.0, True, True))
        self.assertFalse(self.emp_zhang.eco_overloaded)
        Employee = self.env['hr.employee']
        self.assertEqual(Employee._cron_eco_overload_alert(), 1)
        self.assertEqual(Employee._cron_eco_overload_alert(), 0)
        alerts = self._activities(li, self.user_wang)
        self.assertEqual(len(alerts), 1)
        self.assertEqual(alerts.summary,
                         'Li Staff is overloaded: 3 open orders (cap 2), 12 h planned')
        self.assertTrue(li.eco_overload_alerted)
        # back under the cap: the flag clears, a new overload alerts again
        orders[0].write({'state': 'cancel'})
        self.assertEqual(Employee._cron_eco_overload_alert(), 0)
        self.assertFalse(li.eco_overload_alerted)
        self._open_orders(self.user_li, 1)
        self.assertEqual(Employee._cron_eco_overload_alert(), 1)
        self.assertEqual(len(self._activities(li, self.user_wang)), 2)
        # the dashboard shows the same figures
        row = self.env['eco.workload.report'].search([('employee_id', '=', li.id)])
        self.assertEqual((row.open_orders, row.order_cap, row.open_milestones,
                          row.overdue_milestones, row.planned_hours),
                         (3, 2, 2, 1, 12.0))
        self.assertEqual(row.department_id, self.dept_water)

    def test_02_ask_for_help(self):
        order = self._open_orders(self.user_li, 1)
        action = order.sudo(self.user_li).action_eco_ask_help()
        self.assertEqual(action['context']['default_employee_id'], self.emp_li.id)
        Request = self.env['eco.help.request']
        request = Request.sudo(self.user_li).create({
            'order_id': order.id, 'urgency': 'high',
            'reason': 'Customer asks for a site visit I cannot fit in this week'})
        self.assertEqual(request.employee_id, self.emp_li)
        self.assertEqual(request.manager_user_id, self.user_wang)
        activity = self._activities(request, self.user_wang)
        self.assertEqual(activity.summary, 'Li Staff asks for help (High urgency)')
        with self.assertRaises(AccessError):
            Request.sudo(self.user_zhang).create({
                'employee_id': self.emp_li.id, 'reason': 'On his behalf'})
        with self.assertRaises(AccessError):
            request.sudo(self.user_chen).read(['reason'])
        with self.assertRaises(UserError):
            request.sudo(self.user_wang).action_answer()
        request.sudo(self.user_wang).write({'support_given': 'Zhang takes the visit'})
        with self.assertRaises(AccessError):
            request.sudo(self.user_li).action_answer()
        request.sudo(self.user_wang).action_answer()
        self.assertEqual(request.state, 'answered')
        self.assertFalse(self._activities(request))
        self.assertEqual(self.emp_li.eco_help_request_ids, request)

    def test_03_team_activity(self):
        order = self._open_orders(self.user_li, 1)
        activity = self.env['eco.team.activity'].sudo(self.user_li).create({
            'name': 'Lessons from the Binhai wastewater plant', 'kind': 'sharing',
            'department_id': self.dept_water.id,
            'participant_ids': [(6, 0, (self.emp_li | self.emp_zhang).ids)],
            'lessons': 'Check the flange ratings before delivery',
            'order_ids': [(6, 0, order.ids)]})
        self.assertEqual(activity.organiser_id, self.emp_li)
        self.assertEqual(activity.participant_count, 2)
        data = self.env['eco.team.activity'].read_group(
            [('department_id', '=', self.dept_water.id)], ['department_id'],
            ['department_id'])
        self.assertEqual(data[0]['department_id_count'], 1)

    def test_04_clauses_registered(self):
        clauses = self.env['eco.compliance.clause'].search(
            [('key', 'in', ('hr_trained_staff', 'hr_appraisal_done', 'hr_within_cap'))])
        self.assertEqual(sorted(clauses.mapped('code')), ['R4.1', 'R4.2', 'R9.1'])
        self.assertTrue(all(clauses.mapped('implemented')))
        order = self._open_orders(self.user_li, 1)
        order.write({'eco_lead_load': 3, 'eco_lead_cap': 2})
        self.assertEqual(order._eco_compliance_hr_within_cap()[order.id],
                         ('missing', 'Allocated over the cap: 3 open orders (cap 2)'))
        self.assertEqual(order._eco_compliance_hr_appraisal_done()[order.id][0], 'na')
        order.action_eco_compliance_check()
        self.assertEqual(
            order.eco_compliance_line_ids.filtered(
                lambda l: l.clause_id.key == 'hr_within_cap').result, 'missing')
