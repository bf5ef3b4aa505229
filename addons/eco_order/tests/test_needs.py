# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R2.3 needs discovery: routing to departments, workflow, department filter."""
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import EcoOrderCase


class EcoNeedsCase(EcoOrderCase):
    """Two departments with employees; a need routed to Engineering."""

    @classmethod
    def setUpClass(cls):
        super(EcoNeedsCase, cls).setUpClass()
        # queue the notification mails instead of rendering and "sending" them
        cls.env = cls.env(context=dict(cls.env.context, mail_notify_force_send=False))
        cls.user_engineer = cls._create_user(
            'eco_test_engineer', cls.group_user | cls.group_eco_user,
            name='Erin Engineer')
        cls.user_monitor = cls._create_user(
            'eco_test_monitor', cls.group_user | cls.group_eco_user,
            name='Max Monitor')
        Employee = cls.env['hr.employee']
        Department = cls.env['hr.department']
        # The manager of Engineering works in another department: routing must
        # still give them an activity (through department.manager_id).
        cls.dept_monitoring = Department.create({'name': 'Test Monitoring'})
        cls.emp_manager = Employee.create({
            'name': 'Mia Manager', 'user_id': cls.user_manager.id,
            'department_id': cls.dept_monitoring.id})
        cls.emp_monitor = Employee.create({
            'name': 'Max Monitor', 'user_id': cls.user_monitor.id,
            'department_id': cls.dept_monitoring.id})
        cls.dept_engineering = Department.create({
            'name': 'Test Engineering', 'manager_id': cls.emp_manager.id})
        cls.emp_staff = Employee.create({
            'name': 'Sam Staff', 'user_id': cls.user_staff.id,
            'department_id': cls.dept_engineering.id})
        cls.emp_engineer = Employee.create({
            'name': 'Erin Engineer', 'user_id': cls.user_engineer.id,
            'department_id': cls.dept_engineering.id})
        # member without a user: no activity
        cls.emp_nouser = Employee.create({
            'name': 'Nora No-user', 'department_id': cls.dept_engineering.id})
        # member whose user is a portal user: no activity either
        cls.emp_portal = Employee.create({
            'name': 'Portal Person', 'user_id': cls.user_portal_b.id,
            'department_id': cls.dept_engineering.id})
        cls.activity_type = cls.env.ref('eco_order.mail_activity_type_eco_need')
        cls.order = cls._create_order(cls.partner_a)

    def _new_need(self, user=None, **vals):
        values = {
            'order_id': self.order.id,
            'kind': 'standard',
            'description': 'Effluent must meet GB 18918-2002 grade 1A from 2027.',
            'department_id': self.dept_engineering.id,
        }
        values.update(vals)
        return self.env['eco.order.need'].sudo(user or self.user_staff).create(values)

    def _need_activities(self, need):
        return self.env['mail.activity'].search([
            ('res_model', '=', 'eco.order.need'), ('res_id', '=', need.id),
            ('activity_type_id', '=', self.activity_type.id)])


class TestNeedsRouting(EcoNeedsCase):

    def test_01_create_routes_one_activity_per_department_user(self):
        need = self._new_need()
        self.assertEqual(need.state, 'routed')
        activities = self._need_activities(need)
        self.assertEqual(len(activities), 3)
        self.assertEqual(
            activities.mapped('user_id'),
            self.user_staff | self.user_engineer | self.user_manager)
        self.assertEqual(set(activities.mapped('summary')), {
            'Customer need %s: %s' % (need.name, self.partner_a.name)})
        # defaults: customer from the order, recorded by the creating user
        self.assertEqual(need.partner_id, self.partner_a)
        self.assertEqual(need.user_id, self.user_staff)
        self.assertEqual(need.company_id, self.order.company_id)
        year = fields.Date.today()[:4]
        self.assertTrue(need.name.startswith('ND/%s/' % year), need.name)

    def test_02_department_manager_notified(self):
        need = self._new_need()
        messages = need.message_ids.filtered(
            lambda m: self.user_manager.partner_id in m.partner_ids)
        self.assertEqual(len(messages), 1)
        self.assertIn('Test Engineering', messages.body)
        self.assertIn(self.user_manager.partner_id, need.message_partner_ids)

    def test_03_department_change_reroutes(self):
        need = self._new_need()
        need.sudo(self.user_staff).write({'department_id': self.dept_monitoring.id})
        self.assertEqual(need.state, 'routed')
        activities = self._need_activities(need)
        self.assertEqual(activities.mapped('user_id'),
                         self.user_manager | self.user_monitor)
        self.assertEqual(len(activities), 2)

    def test_04_sale_order_and_partner_counts(self):
        self._new_need()
        self._new_need(kind='cooperation', description='New plant in 2028')
        self._new_need(order_id=False, partner_id=self.contact_a.id,
                       description='Asked about soil survey')
        order = self.order.sudo(self.user_staff)
        self.assertEqual(order.need_count, 2)
        self.assertEqual(len(order.need_ids), 2)
        partner = self.partner_a.sudo(self.user_staff)
        self.assertEqual(partner.need_count, 3)
        self.assertEqual(self.contact_a.sudo(self.user_staff).need_count, 1)
        self.assertEqual(self.partner_b.sudo(self.user_staff).need_count, 0)
        action = order.action_view_needs()
        self.assertEqual(
            self.env['eco.order.need'].search(action['domain']), order.need_ids)


class TestNeedsWorkflow(EcoNeedsCase):

    def test_10_start_and_done(self):
        need = self._new_need().sudo(self.user_engineer)
        need.action_start()
        self.assertEqual(need.state, 'in_progress')
        self.assertEqual(len(self._need_activities(need)), 3)
        need.result = 'Offered an MBR upgrade; quotation sent.'
        need.action_done()
        self.assertEqual(need.state, 'done')
        self.assertTrue(need.date_done)
        self.assertEqual(len(self._need_activities(need)), 0)

    def test_11_done_requires_result(self):
        need = self._new_need().sudo(self.user_engineer)
        need.action_start()
        with self.assertRaises(UserError):
            need.action_done()
        self.assertEqual(need.state, 'in_progress')
        self.assertFalse(need.date_done)
        self.assertEqual(len(self._need_activities(need)), 3)
        need.result = '   '
        with self.assertRaises(UserError):
            need.action_done()
        self.assertEqual(need.state, 'in_progress')
        # the constraint also guards writes that bypass the button
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            need.write({'state': 'done', 'result': False})

    def test_12_refused_transitions_change_nothing(self):
        need = self._new_need().sudo(self.user_engineer)
        with self.assertRaises(UserError):
            need.action_route()
        self.assertEqual(need.state, 'routed')
        need.write({'result': 'Standard added to the design basis.'})
        need.action_done()
        date_done = need.date_done
        for action in ('action_start', 'action_done', 'action_cancel',
                       'action_route', 'action_reopen'):
            with self.assertRaises(UserError):
                getattr(need, action)()
            self.assertEqual(need.state, 'done')
            self.assertEqual(need.date_done, date_done)

    def test_13_cancel_and_reopen(self):
        need = self._new_need().sudo(self.user_engineer)
        need.action_cancel()
        self.assertEqual(need.state, 'cancelled')
        self.assertEqual(len(self._need_activities(need)), 0)
        with self.assertRaises(UserError):
            need.action_start()
        self.assertEqual(need.state, 'cancelled')
        need.action_reopen()
        self.assertEqual(need.state, 'routed')
        self.assertEqual(len(self._need_activities(need)), 3)

    def test_14_mixed_recordset_refused_as_a_whole(self):
        open_need = self._new_need()
        done_need = self._new_need(description='Noise limits at boundary')
        done_need.write({'result': 'Noted.'})
        done_need.action_done()
        with self.assertRaises(UserError):
            (open_need | done_need).sudo(self.user_staff).action_cancel()
        self.assertEqual(open_need.state, 'routed')
        self.assertEqual(done_need.state, 'done')


class TestNeedsDepartmentFilter(EcoNeedsCase):

    def test_20_my_department_filter(self):
        need_eng = self._new_need()
        need_mon = self._new_need(department_id=self.dept_monitoring.id,
                                  description='Quarterly monitoring wanted')
        Need = self.env['eco.order.need']
        domain = [('is_my_department', '=', True)]
        self.assertEqual(Need.sudo(self.user_engineer).search(domain), need_eng)
        self.assertEqual(Need.sudo(self.user_monitor).search(domain), need_mon)
        # the manager heads Engineering and works in Monitoring: both
        self.assertEqual(Need.sudo(self.user_manager).search(domain),
                         need_eng | need_mon)
        self.assertEqual(
            Need.sudo(self.user_engineer).search([('is_my_department', '!=', True)]),
            # (needs of confidential demo customers stay hidden from him)
            Need.sudo(self.user_engineer).search([('id', 'not in', need_eng.ids)]))
        self.assertTrue(need_eng.sudo(self.user_engineer).is_my_department)
        self.assertFalse(need_mon.sudo(self.user_engineer).is_my_department)
        # the plain member domain of the brief gives the same answer
        self.assertEqual(
            Need.sudo(self.user_monitor).search(
                [('department_id.member_ids.user_id', '=', self.user_monitor.id)]),
            need_mon)

    def test_21_open_filter_and_group_by_department(self):
        need_eng = self._new_need()
        need_mon = self._new_need(department_id=self.dept_monitoring.id,
                                  description='Quarterly monitoring wanted')
        need_mon.write({'result': 'Contract signed.'})
        need_mon.action_done()
        Need = self.env['eco.order.need'].sudo(self.user_staff)
        open_domain = [('state', 'in', ('new', 'routed', 'in_progress')),
                       ('id', 'in', (need_eng | need_mon).ids)]
        self.assertEqual(Need.search(open_domain), need_eng)
        groups = Need.read_group([('id', 'in', (need_eng | need_mon).ids)],
                                 ['department_id'], ['department_id'])
        self.assertEqual(
            {g['department_id'][0]: g['department_id_count'] for g in groups},
            {self.dept_engineering.id: 1, self.dept_monitoring.id: 1})


class TestEnvironmentalStandards(EcoOrderCase):

    def test_30_standard_data_loaded(self):
        std = self.env.ref('eco_order.eco_standard_gb_8978_1996')
        self.assertEqual(std.code, 'GB 8978-1996')
        self.assertEqual(std.medium, 'water')
        self.assertEqual(std.name_get(),
                         [(std.id, 'GB 8978-1996 Integrated Wastewater Discharge '
                                   'Standard')])
        Standard = self.env['eco.environmental.standard']
        self.assertEqual(Standard.name_search('8978'), std.name_get())
        for code in ('GB 18918-2002', 'GB 16297-1996', 'GB 13271-2014',
                     'GB 18599-2020', 'GB 36600-2018', 'GB 12348-2008',
                     'GB 3838-2002', 'HJ 212-2017'):
            self.assertEqual(Standard.search_count([('code', '=', code)]), 1, code)

    @mute_logger('odoo.sql_db')
    def test_31_unique_code(self):
        Standard = self.env['eco.environmental.standard']
        count = Standard.search_count([])
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            Standard.create(
                {'code': 'GB 8978-1996', 'name': 'Duplicate', 'medium': 'water'})
        self.assertEqual(Standard.search_count([]), count)
