# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Follow-ups after acceptance (R11.2); satisfaction surveys once after acceptance
and after closing, scores linked, low score -> corrective action (R9.3);
appraisal reading the scores (eco_hr)."""
from datetime import timedelta

from odoo import fields

from .common import EcoAftersalesCase, aft_accept, aft_order


class TestFollowupSurvey(EcoAftersalesCase):

    def _answer(self, user_input, label_xmlid):
        label = self.env.ref(label_xmlid)
        self.env['survey.user_input_line'].create({
            'user_input_id': user_input.id,
            'survey_id': user_input.survey_id.id,
            'question_id': label.question_id.id,
            'page_id': label.question_id.page_id.id,
            'answer_type': 'suggestion',
            'value_suggested': label.id,
        })
        user_input.write({'state': 'done'})

    def test_01_followup_schedule_and_outcomes(self):
        followups = self.order.eco_followup_ids.sorted('date_due')
        self.assertEqual(followups.mapped('date_due'),
                         ['2026-11-17', '2026-12-10', '2027-02-08'])
        self.assertEqual(followups.mapped('day_offset'), [7, 30, 90])
        self.assertEqual(set(followups.mapped('user_id')), {self.user_order})
        activities = followups.mapped('activity_ids')
        self.assertEqual(len(activities), 3)
        self.assertEqual(set(activities.mapped('user_id')), {self.user_order})
        self.assertEqual(sorted(activities.mapped('date_deadline')),
                         ['2026-11-17', '2026-12-10', '2027-02-08'])
        # once: a second acceptance run schedules nothing more
        self.order._eco_after_acceptance()
        self.assertEqual(len(self.order.eco_followup_ids), 3)
        first, second = followups[0], followups[1]
        first.sudo(self.user_order).action_no_answer()
        self.assertEqual((first.state, first.outcome), ('done', 'no_answer'))
        self.assertFalse(first.activity_ids)
        retry = self.env['eco.service.followup'].search(
            [('retry_of_id', '=', first.id)])
        self.assertEqual(retry.state, 'planned')
        today = fields.Date.context_today(first.sudo(self.user_order))
        self.assertEqual(retry.date_due, fields.Date.to_string(
            fields.Date.from_string(today) + timedelta(days=2)))
        self.assertEqual(len(retry.activity_ids), 1)
        second.action_record_outcome('issue', note='Sludge pump leaking')
        self.assertEqual(second.ticket_id.eco_order_id, self.order)
        self.assertEqual(second.ticket_id.partner_id, self.partner_a)
        # configurable days
        self.env['ir.config_parameter'].set_param(
            'eco_aftersales.followup_days', '5,15')
        order_b = aft_order(self, self.partner_b, self.user_order)
        aft_accept(self, order_b, '2026-11-20')
        self.assertEqual(order_b.eco_followup_ids.sorted('date_due').mapped('date_due'),
                         ['2026-11-25', '2026-12-05'])

    def test_02_survey_once_after_acceptance_low_score_action(self):
        user_input = self.order.eco_survey_input_id
        self.assertEqual(user_input.survey_id,
                         self.env.ref('eco_aftersales.survey_survey_eco_order'))
        self.assertEqual(
            (user_input.partner_id, user_input.eco_kind, user_input.eco_order_id),
            (self.partner_a, 'order', self.order))
        self.assertEqual(user_input.eco_employee_ids, self.order_employee)
        self.assertEqual(len(self.order.message_ids.filtered(
            lambda m: user_input.token in (m.body or ''))), 1)
        self.order._eco_after_acceptance()
        self.assertEqual(self.env['survey.user_input'].search_count(
            [('eco_order_id', '=', self.order.id), ('eco_kind', '=', 'order')]), 1)
        self.order.team_id = self.env['crm.team'].create(
            {'name': 'Aft Sales', 'user_id': self.user_service_manager.id})
        self._answer(user_input, 'eco_aftersales.survey_label_eco_order_4')
        self.assertEqual((user_input.eco_score, user_input.eco_low_score), (0.0, True))
        action = user_input.eco_action_id
        self.assertEqual((action.type_action, action.user_id),
                         ('correction', self.user_service_manager))
        self.assertEqual(self.env['mail.activity'].search_count([
            ('res_model', '=', 'mgmtsystem.action'), ('res_id', '=', action.id),
            ('user_id', '=', self.user_service_manager.id)]), 1)
        self.assertEqual(
            self.order._eco_compliance_satisfaction_survey()[self.order.id],
            ('met', 'Answered, score 0.0%'))

    def test_03_survey_after_ticket_close_and_appraisal(self):
        ticket = self._ticket(self.equipment)
        done = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done')
        ticket.stage_id = done
        user_input = ticket.eco_survey_input_id
        self.assertEqual((user_input.eco_kind, user_input.eco_ticket_id,
                          user_input.eco_order_id, user_input.eco_employee_ids),
                         ('ticket', ticket, self.order, self.employee))
        # reopened and closed again: no second invitation
        ticket.stage_id = self.env.ref(
            'helpdesk_mgmt.helpdesk_ticket_stage_in_progress')
        ticket.stage_id = done
        self.assertEqual(self.env['survey.user_input'].search_count(
            [('eco_ticket_id', '=', ticket.id)]), 1)
        self._answer(user_input, 'eco_aftersales.survey_label_eco_ticket_2')
        self.assertEqual((user_input.eco_score, user_input.eco_low_score),
                         (75.0, False))
        self.assertFalse(user_input.eco_action_id)
        # a second ticket answered "dissatisfied" for the same employee
        ticket2 = self._ticket(self.equipment)
        ticket2.stage_id = done
        self._answer(ticket2.eco_survey_input_id,
                     'eco_aftersales.survey_label_eco_ticket_3')
        self.assertEqual(ticket2.eco_survey_input_id.eco_action_id.user_id,
                         self.user_service_manager)
        answered = user_input.eco_date_done
        self.assertEqual(answered, fields.Date.context_today(user_input))
        period = self.env['eco.appraisal.period'].create({
            'name': 'Aft period', 'date_from': answered[:8] + '01',
            'date_to': answered})
        self.assertEqual(
            self.env['eco.appraisal.period']._eco_satisfaction_scores(
                self.employee | self.order_employee, period),
            {self.employee.id: 37.5})
