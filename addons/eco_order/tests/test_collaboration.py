# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R3.3: complex orders get a collaboration group with plan, meetings, issues."""
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .alloc_common import EcoAllocationCase


class TestCollaboration(EcoAllocationCase):

    @classmethod
    def setUpClass(cls):
        super(TestCollaboration, cls).setUpClass()
        cls._rule('All', cls.lead_1)
        Employee = cls.env['hr.employee']
        Department = cls.env['hr.department']
        cls.head_eng = Employee.create({'name': 'Head Engineering',
                                        'user_id': cls.team_leader.id})
        cls.head_buy = Employee.create({'name': 'Head Purchasing'})
        cls.dep_eng = Department.create({'name': 'Engineering (test)',
                                         'manager_id': cls.head_eng.id})
        cls.dep_buy = Department.create({'name': 'Purchasing (test)',
                                         'manager_id': cls.head_buy.id})

    def test_complex_order_gets_group(self):
        self.assertTrue(self.type_install.complex)
        order = self._accepted_order(order_type_id=self.type_install.id)
        self.assertTrue(order.eco_is_complex)
        self.assertEqual(len(order.eco_collaboration_ids), 1)
        collab = order.eco_collaboration_ids
        member = collab.member_ids.filtered(lambda m: m.department_id == self.dep_eng)
        self.assertEqual(member.head_id, self.head_eng)
        self.assertEqual(member.head_user_id, self.team_leader)
        self.assertIn(self.dep_buy, collab.member_ids.mapped('department_id'))
        # simple orders get none, but one can be created by the button
        simple = self._accepted_order(order_type_id=self.type_supply.id)
        self.assertFalse(simple.eco_is_complex)
        self.assertFalse(simple.eco_collaboration_ids)
        simple.action_eco_create_collaboration()
        self.assertEqual(len(simple.eco_collaboration_ids), 1)
        with self.assertRaises(UserError):
            simple.action_eco_create_collaboration()
        with mute_logger('odoo.sql_db'), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env['eco.order.collaboration'].create({
                    'name': 'Second', 'order_id': simple.id})

    def test_plan_progress_weighted_average(self):
        order = self._accepted_order(order_type_id=self.type_install.id)
        collab = order.eco_collaboration_ids
        Task = self.env['eco.order.plan.task'].sudo(self.lead_1)
        t1 = Task.create({'collaboration_id': collab.id, 'name': 'Design',
                          'department_id': self.dep_eng.id, 'weight': 3.0,
                          'progress': 50.0})
        t2 = Task.create({'collaboration_id': collab.id, 'name': 'Buy pumps',
                          'department_id': self.dep_buy.id, 'weight': 1.0,
                          'progress': 10.0})
        self.assertEqual(collab.progress, (3 * 50.0 + 1 * 10.0) / 4)
        self.assertEqual(order.eco_plan_progress, 40.0)
        t2.write({'state': 'done'})
        self.assertEqual(t2.progress, 100.0)
        self.assertEqual(collab.progress, 62.5)
        self.assertEqual(order.eco_plan_progress, 62.5)
        t1.weight = 1.0
        self.assertEqual(order.eco_plan_progress, 75.0)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            t1.write({'state': 'done', 'progress': 80.0})
        t1.invalidate_cache()
        self.assertEqual(t1.state, 'todo')
        self.assertEqual(t1.progress, 50.0)
        t1.unlink()
        self.assertEqual(order.eco_plan_progress, 100.0)

    def test_meetings_and_issues(self):
        order = self._accepted_order(order_type_id=self.type_install.id)
        collab = order.eco_collaboration_ids
        action = collab.action_schedule_meeting()
        self.assertEqual(action['context']['default_eco_collaboration_id'], collab.id)
        meeting = self.env['calendar.event'].create({
            'name': 'Kick-off', 'start': '2026-12-01 08:00:00',
            'stop': '2026-12-01 09:00:00', 'eco_collaboration_id': collab.id,
            'eco_minutes': '<p>Plan reviewed</p>',
            'eco_decisions': 'Order pumps this week'})
        self.assertEqual(collab.meeting_ids, meeting)
        self.assertEqual(collab.meeting_count, 1)
        issue = self.env['eco.order.collab.issue'].sudo(self.lead_1).create({
            'collaboration_id': collab.id, 'meeting_id': meeting.id,
            'description': 'Pump supplier late', 'user_id': self.lead_1.id})
        self.assertEqual(collab.open_issue_count, 1)
        with self.assertRaises(UserError):
            issue.action_resolve()
        self.assertEqual(issue.state, 'open')
        issue.write({'resolution': 'Second supplier qualified'})
        issue.action_resolve()
        self.assertEqual(issue.state, 'resolved')
        self.assertTrue(issue.resolved_date)
        collab.invalidate_cache()
        self.assertEqual(collab.open_issue_count, 0)
