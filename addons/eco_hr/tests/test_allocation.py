# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Allocation (eco_order R3.1) skips leads who are not trained as required,
on leave on the allocation day, or at their cap."""
from odoo.addons.eco_order.tests.alloc_common import EcoAllocationCase

from .common import day


class TestAllocationEligibility(EcoAllocationCase):

    @classmethod
    def setUpClass(cls):
        super(TestAllocationEligibility, cls).setUpClass()
        staff = cls.group_user | cls.group_eco_user
        cls.lead_4 = cls._create_user('eco_lead_4', staff, name='Lee Four')
        Employee = cls.env['hr.employee']
        cls.employees = {}
        for lead in (cls.lead_1, cls.lead_2, cls.lead_3, cls.lead_4, cls.team_leader):
            cls.employees[lead] = Employee.create({'name': lead.name,
                                                   'user_id': lead.id})
        cls.topic = cls.env['eco.training.topic'].create({
            'name': 'Water-treatment installation (test)', 'code': 'T_WTI',
            'validity_months': 12})
        cls.requirement = cls.env['eco.qualification.requirement'].create({
            'kind': 'training', 'topic_id': cls.topic.id,
            'order_type_id': cls.type_install.id})
        Record = cls.env['eco.training.record']
        # lead_1 untrained (lowest id and load 0: eco_order alone picks him),
        # lead_2 trained but on leave today, lead_3 trained but at his cap,
        # lead_4 trained with one open order
        # the team leader owns milestones of the orders (R4.1 clause)
        for lead in (cls.lead_2, cls.lead_3, cls.lead_4, cls.team_leader):
            Record.create({'employee_id': cls.employees[lead].id,
                           'topic_id': cls.topic.id, 'date_done': day(-30)})
        status = cls.env['hr.holidays.status'].create({
            'name': 'Annual leave (test)', 'limit': True})
        today = day()
        leave = cls.env['hr.holidays'].create({
            'name': 'Leave', 'employee_id': cls.employees[cls.lead_2].id,
            'type': 'remove', 'holiday_status_id': status.id,
            'date_from': '%s 00:00:00' % today, 'date_to': '%s 23:59:00' % today,
            'number_of_days_temp': 1.0})
        leave.write({'state': 'validate'})
        cls.lead_3.eco_order_cap = 1
        cls._open_orders(cls.lead_3, 1)
        cls._open_orders(cls.lead_4, 1)
        cls.leads = cls.lead_1 | cls.lead_2 | cls.lead_3 | cls.lead_4
        cls.rule = cls._rule('Installation', cls.leads,
                             order_type_id=cls.type_install.id)

    def test_01_skips_untrained_on_leave_and_over_cap(self):
        order = self._accepted_order(order_type_id=self.type_install.id)
        self.assertEqual(order.eco_project_lead_id, self.lead_4)
        self.assertEqual(order.eco_allocation_rule_id, self.rule)
        self.assertEqual((order.eco_lead_load, order.eco_lead_cap), (2, 0))
        # the hook alone (eco_order checks the cap before): lead_1 untrained and
        # lead_2 on leave are left out
        self.assertEqual(self.rule._eco_eligible_users(order, self.leads),
                         self.lead_3 | self.lead_4)
        # the compliance clauses see a trained lead within his cap
        self.assertEqual(order._eco_compliance_hr_trained_staff()[order.id][0], 'met')
        self.assertEqual(order._eco_compliance_hr_within_cap()[order.id],
                         ('met', '2 open orders at allocation (cap 0)'))

    def test_02_nobody_eligible(self):
        self.records = self.env['eco.training.record'].search(
            [('employee_id', '=', self.employees[self.lead_4].id)])
        self.records.write({'date_done': day(-400)})  # expired
        order = self._accepted_order(order_type_id=self.type_install.id)
        self.assertFalse(order.eco_project_lead_id)
        self.assertEqual(order.eco_ack_state, 'none')

    def test_03_rule_requirement_and_untrained_order_type(self):
        # no requirement for monitoring orders: the least loaded lead not on
        # leave (lead_1) gets it, as without eco_hr
        self._rule('Monitoring', self.leads, order_type_id=self.type_monitoring.id)
        order = self._accepted_order(order_type_id=self.type_monitoring.id)
        self.assertEqual(order.eco_project_lead_id, self.lead_1)
        # a rule naming a requirement applies it too
        self.env['eco.allocation.rule'].search(
            [('order_type_id', '=', self.type_monitoring.id)]).write(
            {'eco_requirement_ids': [(6, 0, self.requirement.ids)]})
        order = self._accepted_order(order_type_id=self.type_monitoring.id)
        self.assertEqual(order.eco_project_lead_id, self.lead_4)
        # a missing training shows in the R4.1 clause of an order of that type
        order = self._create_order(self.partner_a, order_type_id=self.type_install.id)
        order.write({'intake_state': 'accepted', 'eco_project_lead_id': self.lead_1.id})
        result, note = order._eco_compliance_hr_trained_staff()[order.id]
        self.assertEqual(result, 'missing')
        self.assertEqual(note, 'Lee One: Water-treatment installation (test) (missing)')
