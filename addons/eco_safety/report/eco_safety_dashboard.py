# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The safety dashboard's figures at a glance: the lost-time injury frequency
of this month and this year (GB 6441 百万工时伤害率), open hazards, overdue
actions and drills due; each opens its list or graph."""
from odoo import _, api, fields, models

from ..models.eco_safety_work_hours import month_bounds

LTIFR_HELP = ('Lost-time injury frequency rate (GB 6441 百万工时伤害率): '
              'lost-time injuries x 1,000,000 / hours worked.')


class EcoSafetyDashboard(models.TransientModel):
    _name = 'eco.safety.dashboard'
    _description = 'Safety Dashboard'

    company_id = fields.Many2one(
        'res.company', default=lambda self: self.env.user.company_id)
    date = fields.Date(default=fields.Date.context_today, string='On')
    month_lti = fields.Integer(string='Lost-Time Injuries (Month)',
                               compute='_compute_figures')
    month_hours = fields.Float(string='Hours Worked (Month)',
                               compute='_compute_figures')
    month_ltifr = fields.Float(string='LTIFR (Month)', compute='_compute_figures',
                               help=LTIFR_HELP)
    year_lti = fields.Integer(string='Lost-Time Injuries (Year)',
                              compute='_compute_figures')
    year_hours = fields.Float(string='Hours Worked (Year)',
                              compute='_compute_figures')
    year_ltifr = fields.Float(string='LTIFR (Year)', compute='_compute_figures',
                              help=LTIFR_HELP)
    month_summary = fields.Char(string='This Month', compute='_compute_figures')
    year_summary = fields.Char(string='This Year', compute='_compute_figures')
    open_hazard_count = fields.Integer(string='Open Hazards',
                                       compute='_compute_figures')
    high_hazard_count = fields.Integer(string='Open High-Severity Hazards',
                                       compute='_compute_figures')

    @api.model
    def _eco_summary(self, figures):
        if figures['hours'] <= 0:
            return _('No hours worked recorded: rate not computed '
                     '(lost-time injuries: %d)') % figures['lti']
        return _('%.2f per million hours (lost-time injuries: %d, hours worked: '
                 '%.0f)') % (
            figures['ltifr'], figures['lti'], figures['hours'])

    @api.depends('company_id', 'date')
    def _compute_figures(self):
        Report = self.env['eco.safety.frequency.report']
        Hazard = self.env['eco.safety.hazard']
        open_hazards = Hazard.read_group(
            [('state', '!=', 'closed')], ['severity'], ['severity'])
        by_severity = {row['severity']: row['severity_count'] for row in open_hazards}
        for dash in self:
            day = fields.Date.from_string(dash.date or fields.Date.context_today(dash))
            first, last = month_bounds(day)
            month = Report._eco_rate(first, last, dash.company_id)
            year = Report._eco_rate(first.replace(month=1),
                                    last.replace(month=12, day=31), dash.company_id)
            dash.month_lti, dash.month_hours = month['lti'], month['hours']
            dash.month_ltifr = month['ltifr']
            dash.year_lti, dash.year_hours = year['lti'], year['hours']
            dash.year_ltifr = year['ltifr']
            dash.month_summary = self._eco_summary(month)
            dash.year_summary = self._eco_summary(year)
            dash.open_hazard_count = sum(by_severity.values())
            dash.high_hazard_count = by_severity.get('high', 0)

    @api.model
    def action_eco_open(self):
        """The dashboard of today (server action of the menu)."""
        dash = self.create({})
        return {
            'type': 'ir.actions.act_window',
            'name': _('Safety Dashboard'),
            'res_model': self._name,
            'res_id': dash.id,
            'view_mode': 'form',
            'target': 'current',
        }

    @api.multi
    def action_eco_frequency(self):
        action = self.env.ref(
            'eco_safety.eco_safety_frequency_report_action').read()[0]
        return action
