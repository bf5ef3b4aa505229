# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The satisfaction report by period, survey, question, helpdesk team, sales team
and employee (R9.3): exact counts and average scores over two teams and two
questions."""
from odoo import fields
from odoo.exceptions import AccessError

from .common import EcoAftersalesCase


class TestSatisfactionReport(EcoAftersalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestSatisfactionReport, cls).setUpClass()
        env = cls.env
        cls.survey = env['survey.survey'].create({'title': 'Aft service survey'})
        page = env['survey.page'].create(
            {'title': 'Aft page', 'survey_id': cls.survey.id})
        cls.labels = {}
        for key, text, marks in (
                ('q1', 'Aft: how fast did we respond?', (4, 0)),
                ('q2', 'Aft: how well was it fixed?', (4, 2, 0))):
            question = env['survey.question'].create({
                'question': text, 'page_id': page.id, 'type': 'simple_choice',
                'labels_ids': [(0, 0, {'value': 'Mark %s' % mark, 'quizz_mark': mark,
                                       'sequence': 10 - mark}) for mark in marks]})
            setattr(cls, key, question)
            for label in question.labels_ids:
                cls.labels[(key, int(label.quizz_mark))] = label
        env['ir.config_parameter'].set_param(
            'eco_aftersales.survey_ticket_id', str(cls.survey.id))
        cls.team2 = env['helpdesk.ticket.team'].create({
            'name': 'Aft Field Service',
            'user_ids': [(6, 0, cls.user_service_manager.ids)]})
        cls.manager_employee = env['hr.employee'].create(
            {'name': 'Ma Aft Manager', 'user_id': cls.user_service_manager.id})
        cls.sales_team = env['crm.team'].create({'name': 'Aft Sales East'})
        cls.order.team_id = cls.sales_team
        done = env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done')
        answers = [
            # team, serial (order), assignee, mark of q1, mark of q2
            (cls.team, cls.equipment, cls.user_service, 4, 2),
            (cls.team, cls.equipment, cls.user_service, 0, 4),
            (cls.team2, cls.equipment_b, cls.user_service_manager, 4, 0),
        ]
        cls.tickets = env['helpdesk.ticket']
        for team, equipment, user, mark1, mark2 in answers:
            ticket = cls._ticket(equipment, team_id=team.id, user_id=user.id)
            ticket.stage_id = done
            user_input = ticket.eco_survey_input_id
            for key, mark in (('q1', mark1), ('q2', mark2)):
                label = cls.labels[(key, mark)]
                env['survey.user_input_line'].create({
                    'user_input_id': user_input.id, 'survey_id': cls.survey.id,
                    'question_id': label.question_id.id, 'page_id': page.id,
                    'answer_type': 'suggestion', 'value_suggested': label.id})
            user_input.write({'state': 'done'})
            cls.tickets |= ticket
        # closed but not answered: not in the report
        unanswered = cls._ticket(cls.equipment, team_id=cls.team.id)
        unanswered.stage_id = done
        cls.unanswered = unanswered.eco_survey_input_id

    def _groups(self, groupby, user=None):
        Report = self.env['eco.satisfaction.report']
        if user:
            Report = Report.sudo(user)
        rows = Report.read_group(
            [('survey_id', '=', self.survey.id)],
            ['answer_count', 'score'] + groupby, groupby, lazy=False)
        result = {}
        for row in rows:
            key = tuple(row[g][0] if isinstance(row[g], tuple) else row[g]
                        for g in groupby)
            result[key] = (row['answer_count'], round(row['score'], 2))
        return result

    def test_01_by_team_and_question(self):
        self.assertEqual(self.unanswered.survey_id, self.survey)
        self.assertEqual(self._groups(['helpdesk_team_id', 'question_id']), {
            (self.team.id, self.q1.id): (2, 50.0),
            (self.team.id, self.q2.id): (2, 75.0),
            (self.team2.id, self.q1.id): (1, 100.0),
            (self.team2.id, self.q2.id): (1, 0.0),
        })
        self.assertEqual(self._groups(['question_id']), {
            (self.q1.id,): (3, 66.67), (self.q2.id,): (3, 50.0)})

    def test_02_by_employee_sales_team_period_survey(self):
        self.assertEqual(self._groups(['employee_id']), {
            (self.employee.id,): (4, 62.5),
            (self.manager_employee.id,): (2, 50.0)})
        self.assertEqual(self._groups(['sales_team_id']), {
            (self.sales_team.id,): (4, 62.5), (False,): (2, 50.0)})
        today = fields.Date.from_string(fields.Date.context_today(self.tickets[0]))
        month = self.env['eco.satisfaction.report'].read_group(
            [('survey_id', '=', self.survey.id)], ['answer_count', 'score', 'date'],
            ['date:month'], lazy=False)
        self.assertEqual(len(month), 1)
        self.assertEqual((month[0]['answer_count'], round(month[0]['score'], 2)),
                         (6, 58.33))
        self.assertEqual(self.env['eco.satisfaction.report'].search_count([
            ('survey_id', '=', self.survey.id),
            ('date', '=', fields.Date.to_string(today))]), 6)
        self.assertEqual(self._groups(['survey_id', 'kind']), {
            (self.survey.id, 'ticket'): (6, 58.33)})

    def test_03_access(self):
        self.assertEqual(
            self._groups(['helpdesk_team_id'], user=self.user_service),
            {(self.team.id,): (4, 62.5), (self.team2.id,): (2, 50.0)})
        with self.assertRaises(AccessError):
            self._groups(['helpdesk_team_id'], user=self.user_plain)
