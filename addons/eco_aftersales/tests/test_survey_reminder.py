# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The satisfaction survey reminder cron (R9.3): an unanswered invitation gets
exactly one reminder after the configured delay, none on a second run, none
once answered."""
from datetime import timedelta

from odoo import fields

from .common import EcoAftersalesCase


class TestSurveyReminder(EcoAftersalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestSurveyReminder, cls).setUpClass()
        cls.env['ir.config_parameter'].set_param(
            'eco_aftersales.survey_reminder_days', '5')
        done = cls.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done')
        cls.ticket = cls._ticket(cls.equipment)
        cls.ticket.stage_id = done
        cls.ticket2 = cls._ticket(cls.equipment)
        cls.ticket2.stage_id = done

    def _age(self, user_input, days):
        """Pretend the invitation was created ``days`` ago."""
        date = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now()) - timedelta(days=days))
        self.env.cr.execute(
            'UPDATE survey_user_input SET create_date = %s WHERE id = %s',
            (date, user_input.id))
        user_input.invalidate_cache()

    def _reminders(self, user_input):
        document = user_input.eco_ticket_id or user_input.eco_order_id
        document.invalidate_cache()
        return len(document.message_ids.filtered(
            lambda m: user_input.token in (m.body or '')
            and 'Reminder' in m.body))

    def _answer(self, user_input):
        label = self.env.ref('eco_aftersales.survey_label_eco_ticket_1')
        self.env['survey.user_input_line'].create({
            'user_input_id': user_input.id, 'survey_id': user_input.survey_id.id,
            'question_id': label.question_id.id,
            'page_id': label.question_id.page_id.id,
            'answer_type': 'suggestion', 'value_suggested': label.id})
        user_input.write({'state': 'done'})

    def test_01_one_reminder_after_the_delay(self):
        Input = self.env['survey.user_input']
        order_input = self.order.eco_survey_input_id
        ticket_input = self.ticket.eco_survey_input_id
        answered = self.ticket2.eco_survey_input_id
        self.assertEqual(Input._eco_reminder_days(), 5)
        # before the delay: nothing
        self._age(order_input, 4)
        self._age(ticket_input, 4)
        self._age(answered, 4)
        Input._cron_eco_remind()
        self.assertEqual([self._reminders(i) for i in (order_input, ticket_input)],
                         [0, 0])
        self.assertFalse(order_input.eco_reminder_sent)
        # answered within the delay, then the delay passes
        self._answer(answered)
        self._age(order_input, 6)
        self._age(ticket_input, 6)
        self._age(answered, 6)
        Input._cron_eco_remind()
        self.assertEqual(
            [self._reminders(i) for i in (order_input, ticket_input, answered)],
            [1, 1, 0])
        self.assertEqual(
            [i.eco_reminder_sent for i in (order_input, ticket_input, answered)],
            [True, True, False])
        reminder = self.ticket.message_ids.filtered(
            lambda m: 'Reminder' in (m.body or ''))
        self.assertEqual(reminder.partner_ids, self.partner_a)
        # a second run reminds no one again
        self.assertEqual(Input._cron_eco_remind(), 0)
        self.assertEqual(
            [self._reminders(i) for i in (order_input, ticket_input, answered)],
            [1, 1, 0])

    def test_02_answered_is_never_reminded(self):
        Input = self.env['survey.user_input']
        user_input = self.ticket.eco_survey_input_id
        self._answer(user_input)
        self._age(user_input, 30)
        Input._cron_eco_remind()
        self.assertEqual(self._reminders(user_input), 0)
        self.assertFalse(user_input.eco_reminder_sent)
        # the delay given explicitly wins over the setting
        other = self.ticket2.eco_survey_input_id
        self._age(other, 2)
        Input._cron_eco_remind(days=1)
        self.assertEqual(self._reminders(other), 1)
