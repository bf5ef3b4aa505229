# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Workload per employee and team for the managers' dashboard (R9.1)."""
from odoo import fields, models, tools


class EcoWorkloadReport(models.Model):
    _name = 'eco.workload.report'
    _description = 'Workload Analysis'
    _auto = False
    _rec_name = 'employee_id'
    _order = 'open_orders desc'

    employee_id = fields.Many2one('hr.employee', string='Employee', readonly=True)
    user_id = fields.Many2one('res.users', string='User', readonly=True)
    department_id = fields.Many2one('hr.department', string='Team', readonly=True)
    open_orders = fields.Integer(readonly=True)
    order_cap = fields.Integer(string='Order Cap', readonly=True)
    open_milestones = fields.Integer(readonly=True)
    overdue_milestones = fields.Integer(readonly=True)
    planned_hours = fields.Float(string='Planned Hours', readonly=True)
    leave_days = fields.Float(string='Leave Days (Current and Coming)', readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE OR REPLACE VIEW eco_workload_report AS (
            WITH effort AS (
                SELECT COALESCE((SELECT CASE WHEN value ~ '^[0-9]+(\\.[0-9]+)?$'
                                             THEN value::float END
                                   FROM ir_config_parameter
                                  WHERE key = 'eco_hr.order_effort_hours'), 4.0) AS h
            ), orders AS (
                SELECT eco_project_lead_id AS user_id, count(*) AS n
                  FROM sale_order
                 WHERE eco_project_lead_id IS NOT NULL
                   AND state NOT IN ('done', 'cancel')
                   AND (state = 'sale' OR intake_state = 'accepted')
                 GROUP BY eco_project_lead_id
            ), milestones AS (
                SELECT user_id, count(*) AS n,
                       count(*) FILTER (
                           WHERE deadline < now() at time zone 'UTC') AS late
                  FROM eco_order_milestone
                 WHERE state = 'pending' AND user_id IS NOT NULL
                 GROUP BY user_id
            ), leaves AS (
                SELECT employee_id, sum(number_of_days_temp) AS days
                  FROM hr_holidays
                 WHERE type = 'remove' AND state = 'validate'
                   AND date_to >= now() at time zone 'UTC'
                 GROUP BY employee_id
            )
            SELECT e.id AS id, e.id AS employee_id, r.user_id AS user_id,
                   e.department_id AS department_id,
                   COALESCE(o.n, 0) AS open_orders,
                   COALESCE(u.eco_order_cap, 0) AS order_cap,
                   COALESCE(m.n, 0) AS open_milestones,
                   COALESCE(m.late, 0) AS overdue_milestones,
                   COALESCE(o.n, 0) * (SELECT h FROM effort) AS planned_hours,
                   COALESCE(l.days, 0) AS leave_days
              FROM hr_employee e
              JOIN resource_resource r ON r.id = e.resource_id
              LEFT JOIN res_users u ON u.id = r.user_id
              LEFT JOIN orders o ON o.user_id = r.user_id
              LEFT JOIN milestones m ON m.user_id = r.user_id
              LEFT JOIN leaves l ON l.employee_id = e.id
             WHERE r.active AND r.user_id IS NOT NULL
            )""")
