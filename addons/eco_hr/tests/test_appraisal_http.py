# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Appraisal access over XML-RPC for real logged-in users: employees read
their own, managers their department, HR officers all.

As in eco_order's test_protection_http: Odoo 11 serves requests on
``registry.test_cr``, so the data is created there (rolled back at the end).
"""
from xmlrpc.client import Fault

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, at_install, post_install
from odoo.tools import mute_logger

MUTED = ('odoo.http', 'odoo.models', 'odoo.service.model',
         'odoo.addons.base.ir.ir_model')


@at_install(False)
@post_install(True)
class TestAppraisalHttp(HttpCase):

    def setUp(self):
        super(TestAppraisalHttp, self).setUp()
        own_cr, own_env = self.cr, self.env

        def restore_cursor():
            self.cr, self.env = own_cr, own_env
        self.addCleanup(restore_cursor)
        self.cr = self.registry.test_cr
        self.env = api.Environment(self.cr, SUPERUSER_ID, {})
        Users = self.env['res.users'].with_context(no_reset_password=True)
        base = self.env.ref('base.group_user')
        officer = base | self.env.ref('hr.group_hr_user')

        def user(login, groups):
            return Users.create({'name': login, 'login': login, 'password': login,
                                 'groups_id': [(6, 0, groups.ids)]})
        self.manager = user('eco_rpc_manager', base)
        self.staff = user('eco_rpc_staff', base)
        self.other = user('eco_rpc_other', base)
        self.officer = user('eco_rpc_officer', officer)
        Employee = self.env['hr.employee']
        emp_manager = Employee.create({'name': 'RPC Manager',
                                       'user_id': self.manager.id})
        department = self.env['hr.department'].create({
            'name': 'RPC Department', 'manager_id': emp_manager.id})
        emp_staff = Employee.create({'name': 'RPC Staff', 'user_id': self.staff.id,
                                     'department_id': department.id})
        emp_other = Employee.create({'name': 'RPC Other', 'user_id': self.other.id})
        period = self.env['eco.appraisal.period'].create({
            'name': 'RPC period', 'date_from': '2024-01-01', 'date_to': '2024-03-31'})
        Appraisal = self.env['eco.appraisal']
        self.appraisal_staff = Appraisal.create({
            'period_id': period.id, 'employee_id': emp_staff.id,
            'department_id': department.id, 'state': 'computed', 'score': 80.0})
        self.appraisal_other = Appraisal.create({
            'period_id': period.id, 'employee_id': emp_other.id,
            'state': 'computed', 'score': 60.0})
        self.period = period
        self.db = self.env.cr.dbname
        self.registry.test_cr.commit()

    def _rpc(self, user, model, method, *args):
        try:
            return self.xmlrpc_object.execute(
                self.db, user.id, user.login, model, method, *args)
        finally:
            self.env.cache.invalidate()

    def _ids(self, user):
        return sorted(self._rpc(user, 'eco.appraisal', 'search',
                                [('period_id', '=', self.period.id)]))

    def test_01_rpc_access(self):
        staff, other = self.appraisal_staff.id, self.appraisal_other.id
        self.assertEqual(self._ids(self.staff), [staff])
        self.assertEqual(self._ids(self.other), [other])
        self.assertEqual(self._ids(self.manager), [staff])
        self.assertEqual(self._ids(self.officer), sorted([staff, other]))
        rows = self._rpc(self.staff, 'eco.appraisal', 'read', [staff], ['score'])
        self.assertEqual(rows[0]['score'], 80.0)
        with mute_logger(*MUTED):
            with self.assertRaises(Fault):
                self._rpc(self.staff, 'eco.appraisal', 'read', [other], ['score'])
            with self.assertRaises(Fault):
                self._rpc(self.manager, 'eco.appraisal', 'read', [other], ['score'])
            with self.assertRaises(Fault):
                self._rpc(self.staff, 'eco.appraisal', 'write', [staff],
                          {'manager_comment': 'mine'})
        # the manager reviews over RPC
        self._rpc(self.manager, 'eco.appraisal', 'write', [staff],
                  {'manager_comment': 'Solid quarter'})
        self._rpc(self.manager, 'eco.appraisal', 'action_review', [staff])
        self.assertEqual(self.appraisal_staff.state, 'reviewed')
        self._rpc(self.staff, 'eco.appraisal', 'action_acknowledge', [staff])
        self.assertEqual(self.appraisal_staff.state, 'acknowledged')
