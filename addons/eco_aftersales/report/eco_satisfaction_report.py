# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Satisfaction answers by period, survey, question, helpdesk team, sales team
and employee (R9.3): one row per answer to a scored question of an answered
satisfaction survey (and per employee who worked on it)."""
from psycopg2 import sql

from odoo import fields, models, tools

QUERY = """
    SELECT
        row_number() OVER (ORDER BY line.id, rel.employee_id) AS id,
        line.id AS answer_id,
        input.id AS user_input_id,
        input.eco_date_done AS date,
        input.eco_kind AS kind,
        line.survey_id AS survey_id,
        line.question_id AS question_id,
        ticket.team_id AS helpdesk_team_id,
        sale.team_id AS sales_team_id,
        rel.employee_id AS employee_id,
        1 AS answer_count,
        line.quizz_mark AS mark,
        CASE WHEN best.mark > 0
             THEN 100.0 * COALESCE(line.quizz_mark, 0.0) / best.mark
        END AS score
    FROM survey_user_input_line line
    JOIN survey_user_input input ON input.id = line.user_input_id
    LEFT JOIN helpdesk_ticket ticket ON ticket.id = input.eco_ticket_id
    LEFT JOIN sale_order sale
        ON sale.id = COALESCE(input.eco_order_id, ticket.eco_order_id)
    LEFT JOIN survey_user_input_eco_employee_rel rel ON rel.input_id = input.id
    LEFT JOIN (
        SELECT question_id, MAX(quizz_mark) AS mark
        FROM survey_label
        WHERE question_id IS NOT NULL
        GROUP BY question_id
    ) best ON best.question_id = line.question_id
    WHERE input.eco_kind IS NOT NULL
      AND input.state = 'done'
      AND line.answer_type = 'suggestion'
      AND NOT COALESCE(line.skipped, FALSE)
"""


class EcoSatisfactionReport(models.Model):
    _name = 'eco.satisfaction.report'
    _description = 'Satisfaction Answers Analysis'
    _auto = False
    _order = 'date desc, id'

    answer_id = fields.Many2one('survey.user_input_line', string='Answer',
                                readonly=True)
    user_input_id = fields.Many2one('survey.user_input', string='Survey Answer',
                                    readonly=True)
    date = fields.Date(string='Answered On', readonly=True)
    kind = fields.Selection(
        [('order', 'After Acceptance'), ('ticket', 'After Ticket')],
        string='Satisfaction Survey', readonly=True)
    survey_id = fields.Many2one('survey.survey', string='Survey', readonly=True)
    question_id = fields.Many2one('survey.question', string='Question',
                                  readonly=True)
    helpdesk_team_id = fields.Many2one('helpdesk.ticket.team',
                                       string='Helpdesk Team', readonly=True)
    sales_team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    employee_id = fields.Many2one('hr.employee', string='Employee', readonly=True)
    answer_count = fields.Integer(string='# Answers', readonly=True)
    mark = fields.Float(string='Average Mark', readonly=True, group_operator='avg')
    score = fields.Float(
        string='Average Score (%)', readonly=True, group_operator='avg',
        help='Mark of the answer over the highest mark of its question, 0 to 100.')

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(sql.SQL('CREATE OR REPLACE VIEW {} AS ({})').format(
            sql.Identifier(self._table), sql.SQL(QUERY)))
