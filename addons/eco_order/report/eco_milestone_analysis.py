# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoMilestoneAnalysis(models.Model):
    """Milestone punctuality (R7.3, R3.2): one row per order milestone
    (``eco.order.milestone``)."""

    _name = "eco.milestone.analysis"
    _inherit = "eco.analysis.mixin"
    _description = "Milestone Punctuality Analysis"
    _auto = False
    _order = "deadline desc"

    _milestone_model = "eco.order.milestone"

    # a many2one, not an integer: an id is no measure to sum
    milestone_id = fields.Many2one(
        comodel_name="eco.order.milestone", string="Milestone", readonly=True)
    deadline = fields.Date(string="Deadline", readonly=True)
    date_done = fields.Date(string="Done on", readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Salesperson", readonly=True)
    nbr = fields.Integer(string="# of Milestones", readonly=True)
    on_time_count = fields.Integer(string="# Done on Time", readonly=True)
    late_count = fields.Integer(string="# Done Late", readonly=True)
    overdue_count = fields.Integer(string="# Overdue", readonly=True)
    delay_days = fields.Float(
        string="Average Delay (days)", readonly=True, group_operator="avg",
        help="Days after the deadline the milestone was done (or, while open, "
             "days overdue); 0 when on time.")
    punctuality = fields.Float(
        string="Punctuality (%)", readonly=True, group_operator="avg",
        help="Share of the milestones due (done, or past their deadline) that "
             "were done on time.")

    @api.model
    def _query(self):
        table = self.env[self._milestone_model]._table
        return """
            SELECT
                m.id AS id,
                m.id AS milestone_id,
                m.order_id AS order_id,
                m.deadline::date AS deadline,
                m.date_done::date AS date_done,
                so.team_id AS team_id,
                so.user_id AS user_id,
                so.partner_id AS partner_id,
                so.company_id AS company_id,
                1 AS nbr,
                CASE WHEN m.date_done::date <= m.deadline::date
                    THEN 1 ELSE 0 END AS on_time_count,
                CASE WHEN m.date_done::date > m.deadline::date
                    THEN 1 ELSE 0 END AS late_count,
                CASE WHEN m.date_done IS NULL AND m.deadline::date < CURRENT_DATE
                    THEN 1 ELSE 0 END AS overdue_count,
                CASE
                    WHEN m.date_done IS NOT NULL
                        THEN GREATEST(m.date_done::date - m.deadline::date, 0)
                    WHEN m.deadline::date < CURRENT_DATE
                        THEN CURRENT_DATE - m.deadline::date
                END::float AS delay_days,
                CASE
                    WHEN m.date_done::date <= m.deadline::date THEN 100.0
                    WHEN m.date_done IS NOT NULL
                        OR m.deadline::date < CURRENT_DATE THEN 0.0
                END AS punctuality
            FROM {table} m
            JOIN sale_order so ON so.id = m.order_id
            WHERE m.deadline IS NOT NULL
        """.format(table=table)
