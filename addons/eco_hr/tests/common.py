# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared data of the eco_hr tests: a water department (manager Wang, staff
Li and Zhang), an air department (manager Zhou, staff Chen), an HR officer,
two training topics and a certification type."""
from datetime import timedelta

from odoo import fields

from odoo.addons.eco_order.tests.common import EcoOrderCase


def day(delta_days=0, base=None):
    base = fields.Date.from_string(base or fields.Date.today())
    return fields.Date.to_string(base + timedelta(days=delta_days))


class EcoHrCase(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(EcoHrCase, cls).setUpClass()
        staff = cls.group_user | cls.group_eco_user
        officer = staff | cls.env.ref('hr.group_hr_user')
        managers = cls.group_user | cls.group_eco_manager
        cls.user_wang = cls._create_user('eco_hr_wang', managers, name='Wang Manager')
        cls.user_zhou = cls._create_user('eco_hr_zhou', managers, name='Zhou Manager')
        cls.user_li = cls._create_user('eco_hr_li', staff, name='Li Staff')
        cls.user_zhang = cls._create_user('eco_hr_zhang', staff, name='Zhang Staff')
        cls.user_chen = cls._create_user('eco_hr_chen', staff, name='Chen Staff')
        cls.user_officer = cls._create_user('eco_hr_officer', officer,
                                            name='Hu Officer')
        Employee = cls.env['hr.employee']
        Department = cls.env['hr.department']
        cls.job_engineer = cls.env['hr.job'].create({'name': 'Project Engineer (test)'})
        cls.emp_wang = Employee.create({'name': 'Wang Manager',
                                        'user_id': cls.user_wang.id})
        cls.emp_zhou = Employee.create({'name': 'Zhou Manager',
                                        'user_id': cls.user_zhou.id})
        cls.dept_water = Department.create({'name': 'Water Projects (test)',
                                            'manager_id': cls.emp_wang.id})
        cls.dept_air = Department.create({'name': 'Air Projects (test)',
                                          'manager_id': cls.emp_zhou.id})
        cls.emp_wang.department_id = cls.dept_water
        cls.emp_zhou.department_id = cls.dept_air
        cls.emp_li = Employee.create({
            'name': 'Li Staff', 'user_id': cls.user_li.id,
            'department_id': cls.dept_water.id, 'parent_id': cls.emp_wang.id,
            'job_id': cls.job_engineer.id})
        cls.emp_zhang = Employee.create({
            'name': 'Zhang Staff', 'user_id': cls.user_zhang.id,
            'department_id': cls.dept_water.id, 'parent_id': cls.emp_wang.id,
            'job_id': cls.job_engineer.id})
        cls.emp_chen = Employee.create({
            'name': 'Chen Staff', 'user_id': cls.user_chen.id,
            'department_id': cls.dept_air.id, 'parent_id': cls.emp_zhou.id})
        cls.topic_law = cls.env['eco.training.topic'].create({
            'name': 'Environmental law (test)', 'code': 'T_LAW',
            'validity_months': 12})
        cls.topic_install = cls.env['eco.training.topic'].create({
            'name': 'Installation safety (test)', 'code': 'T_INSTALL',
            'category': 'safety', 'validity_months': 24})
        cls.cert_hazwaste = cls.env['eco.certification.type'].create({
            'name': 'Hazardous-waste operation licence (test)', 'code': 'C_HAZ',
            'validity_months': 36})
        cls.Record = cls.env['eco.training.record']
        cls.Requirement = cls.env['eco.qualification.requirement']

    @classmethod
    def _train(cls, employee, topic, date_done):
        return cls.Record.create({'employee_id': employee.id, 'topic_id': topic.id,
                                  'date_done': date_done, 'hours': 4.0})

    @classmethod
    def _leave_today(cls, employee):
        status = cls.env['hr.holidays.status'].create({
            'name': 'Annual leave (test)', 'limit': True})
        today = fields.Date.today()
        leave = cls.env['hr.holidays'].create({
            'name': 'Leave', 'employee_id': employee.id, 'type': 'remove',
            'holiday_status_id': status.id, 'holiday_type': 'employee',
            'date_from': '%s 00:00:00' % today, 'date_to': '%s 23:59:00' % today,
            'number_of_days_temp': 1.0})
        leave.write({'state': 'validate'})
        return leave

    def _activities(self, record, user=None):
        domain = [('res_model', '=', record._name), ('res_id', '=', record.id)]
        if user:
            domain.append(('user_id', '=', user.id))
        return self.env['mail.activity'].search(domain)
