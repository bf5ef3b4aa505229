# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Appraisal (eco_hr) reads the satisfaction scores of the surveys (R4.2, R9.3)."""
from odoo import api, models


class EcoAppraisalPeriod(models.Model):
    _inherit = 'eco.appraisal.period'

    @api.model
    def _eco_satisfaction_scores(self, employees, period):
        """Average survey score (0-100) of the surveys answered in ``period``
        about the work of each employee: ``{employee_id: score}``."""
        scores = super(EcoAppraisalPeriod, self)._eco_satisfaction_scores(
            employees, period)
        if not employees:
            return scores
        self.env.cr.execute("""
            SELECT rel.employee_id, AVG(ui.eco_score)
              FROM survey_user_input ui
              JOIN survey_user_input_eco_employee_rel rel ON rel.input_id = ui.id
             WHERE ui.state = 'done' AND ui.eco_kind IS NOT NULL
               AND ui.eco_date_done BETWEEN %s AND %s
               AND rel.employee_id IN %s
             GROUP BY rel.employee_id
        """, (period.date_from, period.date_to, tuple(employees.ids)))
        for employee_id, score in self.env.cr.fetchall():
            scores[employee_id] = round(float(score), 2)
        return scores
