# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Lost-time injury frequency per company and month (GB 6441 百万工时伤害率):
lost-time injuries x 1,000,000 / hours worked.

One row per company and month, from the first month with an incident or
hours up to now. Hours: the month's ``eco.safety.work.hours`` (calendars or
entered), else the configured monthly hours (``eco_safety.ltifr_monthly_hours``,
0 by default). The rate of any group (a month, a year) is recomputed from the
sums of its injuries and hours in ``read_group``, never summed."""
from odoo import api, fields, models, tools

from ..models.eco_safety_work_hours import ltifr


class EcoSafetyFrequencyReport(models.Model):
    _name = 'eco.safety.frequency.report'
    _description = 'Lost-Time Injury Frequency'
    _auto = False
    _rec_name = 'date'
    _order = 'date desc'

    date = fields.Date(string='Month', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    incident_count = fields.Integer(string='Incidents', readonly=True)
    lti_count = fields.Integer(string='Lost-Time Injuries', readonly=True)
    lost_days = fields.Integer(string='Lost Work Days', readonly=True)
    hours = fields.Float(string='Hours Worked', readonly=True)
    hours_source = fields.Selection(
        [('manual', 'Entered'), ('calendar', 'Working Calendars'),
         ('default', 'Configured Default'), ('none', 'No Hours')],
        string='Hours From', readonly=True)
    ltifr = fields.Float(
        string='LTIFR', readonly=True, group_operator='sum',
        help='Lost-time injury frequency rate (GB 6441 百万工时伤害率): '
             'lost-time injuries x 1,000,000 / hours worked in the period. '
             '0 when no hours were worked.')

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE OR REPLACE VIEW eco_safety_frequency_report AS (
            WITH param AS (
                SELECT COALESCE((SELECT CASE WHEN value ~ '^[0-9]+(\\.[0-9]+)?$'
                                             THEN value::float END
                                   FROM ir_config_parameter
                                  WHERE key = 'eco_safety.ltifr_monthly_hours'),
                                0.0) AS h
            ), inc AS (
                SELECT company_id, date_trunc('month', date)::date AS month,
                       count(*) AS incidents, sum(lti_count) AS lti,
                       sum(COALESCE(lost_days, 0)) AS lost_days
                  FROM eco_safety_incident
                 WHERE company_id IS NOT NULL
                 GROUP BY company_id, date_trunc('month', date)::date
            ), hrs AS (
                SELECT company_id, date AS month, hours, source
                  FROM eco_safety_work_hours
            ), bounds AS (
                SELECT LEAST((SELECT min(month) FROM inc), (SELECT min(month) FROM hrs),
                             date_trunc('month', now() at time zone 'UTC')::date)
                           AS first,
                       GREATEST((SELECT max(month) FROM inc),
                                (SELECT max(month) FROM hrs),
                                date_trunc('month', now() at time zone 'UTC')::date)
                           AS last
            ), months AS (
                SELECT c.id AS company_id, m::date AS month
                  FROM res_company c, bounds b,
                       generate_series(b.first, b.last, interval '1 month') m
            ), rows AS (
                SELECT m.company_id, m.month,
                       COALESCE(i.incidents, 0) AS incidents,
                       COALESCE(i.lti, 0) AS lti,
                       COALESCE(i.lost_days, 0) AS lost_days,
                       CASE WHEN h.hours > 0 THEN h.hours
                            ELSE (SELECT h FROM param) END AS hours,
                       CASE WHEN h.hours > 0 THEN h.source
                            WHEN (SELECT h FROM param) > 0 THEN 'default'
                            ELSE 'none' END AS hours_source
                  FROM months m
                  LEFT JOIN inc i ON i.company_id = m.company_id
                                 AND i.month = m.month
                  LEFT JOIN hrs h ON h.company_id = m.company_id
                                 AND h.month = m.month
            )
            SELECT (company_id * 1000000 + extract(year FROM month) * 100
                    + extract(month FROM month))::int AS id,
                   month AS date, company_id,
                   incidents AS incident_count, lti AS lti_count,
                   lost_days, hours, hours_source,
                   CASE WHEN hours > 0 THEN round((lti * 1000000.0
                                                   / hours)::numeric, 2)
                        ELSE 0 END::float AS ltifr
              FROM rows
            )""")

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        """The rate of a group is its injuries x 1,000,000 / its hours."""
        names = [f.split(':')[0] for f in fields]
        if 'ltifr' not in names:
            return super(EcoSafetyFrequencyReport, self).read_group(
                domain, fields, groupby, offset=offset, limit=limit,
                orderby=orderby, lazy=lazy)
        extra = [f for f in ('lti_count', 'hours') if f not in names]
        rows = super(EcoSafetyFrequencyReport, self).read_group(
            domain, list(fields) + extra, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)
        for row in rows:
            row['ltifr'] = ltifr(row.get('lti_count') or 0, row.get('hours') or 0.0)
            for name in extra:
                row.pop(name, None)
        return rows

    @api.model
    def _eco_rate(self, date_from, date_to, company=None):
        """``{'lti': n, 'hours': h, 'ltifr': rate}`` of the months from
        ``date_from`` to ``date_to`` (dates, inclusive) of ``company``
        (default: the user's)."""
        company = company or self.env.user.company_id
        domain = [('company_id', '=', company.id), ('date', '>=', date_from),
                  ('date', '<=', date_to)]
        row = self.read_group(domain, ['lti_count', 'hours'], [])
        lti = row and row[0].get('lti_count') or 0
        hours = row and row[0].get('hours') or 0.0
        return {'lti': lti, 'hours': hours, 'ltifr': ltifr(lti, hours)}
