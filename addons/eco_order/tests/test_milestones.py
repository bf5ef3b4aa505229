# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R3.2: milestones from the order type, deadline status, questions between
departments."""
from odoo.exceptions import UserError

from .alloc_common import EcoAllocationCase, dt


class TestMilestones(EcoAllocationCase):

    @classmethod
    def setUpClass(cls):
        super(TestMilestones, cls).setUpClass()
        cls._rule('All', cls.lead_1)

    def test_milestones_generated_with_exact_deadlines(self):
        order = self._accepted_order(order_type_id=self.type_supply.id)
        templates = self.type_supply.milestone_template_ids
        milestones = order.eco_milestone_ids.sorted('sequence')
        self.assertEqual(len(milestones), 7)
        self.assertEqual(milestones.mapped('name'), templates.mapped('name'))
        self.assertEqual(milestones[0].name, 'Review done')
        for milestone, template in zip(milestones, templates):
            self.assertEqual(milestone.deadline,
                             dt(24 * template.days_offset, order.intake_accepted_date))
            self.assertEqual(milestone.notify_customer, template.notify_customer)
        self.assertEqual(milestones[0].deadline,
                         dt(24, order.intake_accepted_date))
        self.assertEqual(milestones[-1].deadline,
                         dt(24 * 35, order.intake_accepted_date))
        # responsibles by role
        lead_ms = milestones.filtered(lambda m: m.responsible_role == 'project_lead')
        manager_ms = milestones.filtered(lambda m: m.responsible_role == 'team_manager')
        self.assertEqual(lead_ms.mapped('user_id'), self.lead_1)
        self.assertEqual(manager_ms.mapped('user_id'), self.team_leader)
        self.assertEqual(order.eco_milestone_progress, 0.0)

    def test_no_milestones_without_type(self):
        order = self._accepted_order()
        self.assertFalse(order.eco_milestone_ids)

    def test_milestone_done_progress_and_customer_notice(self):
        order = self._accepted_order(order_type_id=self.type_monitoring.id)
        milestones = order.eco_milestone_ids.sorted('sequence')
        self.assertEqual(len(milestones), 6)
        order.sudo(self.lead_1).action_eco_acknowledge()
        review, plan, quotation = milestones[0], milestones[1], milestones[2]
        self.assertFalse(review.notify_customer)
        self.assertTrue(quotation.notify_customer)
        review.sudo(self.lead_1).action_done()
        self.assertEqual(review.state, 'done')
        self.assertEqual(review.deadline_state, 'done_on_time')
        self.assertEqual(order.eco_milestone_progress, 100.0 / 6)
        with self.assertRaises(UserError):
            review.sudo(self.lead_1).action_done()
        messages_before = order.message_ids
        quotation.sudo(self.lead_1).action_done()
        notices = (order.message_ids - messages_before).filtered(
            lambda m: self.partner_a in m.partner_ids)
        self.assertEqual(len(notices), 1)
        self.assertIn('Quotation sent', notices.body)
        # done late
        plan.write({'deadline': dt(-48)})
        self.assertEqual(plan.deadline_state, 'overdue')
        plan.action_done()
        self.assertEqual(plan.deadline_state, 'done_late')
        self.assertTrue(plan.done_late)
        (milestones - review - plan - quotation).action_done()
        self.assertEqual(order.eco_milestone_progress, 100.0)
        self.assertEqual(order.eco_progress_stage, 'completed')

    def test_deadline_state_search(self):
        order = self._accepted_order(order_type_id=self.type_supply.id)
        ms = order.eco_milestone_ids.sorted('sequence')
        ms[0].deadline = dt(-1)
        ms[1].deadline = dt(2)
        ms[2].write({'deadline': dt(-5), 'date_done': dt(-6), 'state': 'done'})
        ms[3].write({'deadline': dt(-5), 'date_done': dt(-1), 'state': 'done'})
        Milestone = self.env['eco.order.milestone']
        base = [('order_id', '=', order.id)]
        self.assertEqual(Milestone.search(base + [('deadline_state', '=', 'overdue')]),
                         ms[0])
        self.assertEqual(Milestone.search(base + [('deadline_state', '=', 'due_soon')]),
                         ms[1])
        self.assertEqual(
            Milestone.search(base + [('deadline_state', '=', 'done_on_time')]), ms[2])
        self.assertEqual(
            Milestone.search(base + [('deadline_state', '=', 'done_late')]), ms[3])
        self.assertEqual(
            Milestone.search(base + [('deadline_state', 'in', ('on_time',))]), ms[4:])
        self.assertEqual(
            Milestone.search(base + [('deadline_state', '!=', 'on_time')]), ms[:4])
        self.assertEqual(ms.mapped('deadline_state')[:5],
                         ['overdue', 'due_soon', 'done_on_time', 'done_late',
                          'on_time'])
        self.assertEqual(order.eco_overdue_milestone_count, 1)

    def test_question_to_department(self):
        department = self.env['hr.department'].create({'name': 'Engineering'})
        member_user = self._create_user(
            'eco_engineer', self.group_user | self.group_eco_user, name='Eng Ineer')
        other_user = self._create_user(
            'eco_engineer2', self.group_user, name='Eng Two')
        self.env['hr.employee'].create({
            'name': 'Eng Ineer', 'user_id': member_user.id,
            'department_id': department.id})
        self.env['hr.employee'].create({
            'name': 'Eng Two', 'user_id': other_user.id,
            'department_id': department.id})
        order = self._accepted_order()
        question = self.env['eco.order.question'].sudo(self.lead_1).create({
            'order_id': order.id,
            'department_id': department.id,
            'question': 'Can the plant treat 500 t/d of effluent?',
        })
        self.assertEqual(question.asked_by_id, self.lead_1)
        activities = self._activities(question)
        self.assertEqual(set(activities.mapped('user_id').ids),
                         {member_user.id, other_user.id})
        self.assertEqual(order.eco_open_question_count, 1)
        with self.assertRaises(UserError):
            question.sudo(member_user).action_answer()
        question.sudo(member_user).write({'answer': 'Yes, with two lines.'})
        question.sudo(member_user).action_answer()
        self.assertEqual(question.state, 'answered')
        self.assertEqual(question.answered_by_id, member_user)
        self.assertEqual(order.eco_open_question_count, 0)
        self.assertFalse(self._activities(question))
