# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hours worked per company and month: the denominator of the lost-time
injury frequency rate (GB 6441 百万工时伤害率).

The hours come from the employees' working calendars over the month
(``resource.calendar``: the calendar's attendances minus public holidays and
the employee's own leaves, e.g. validated hr_holidays leaves); an hours figure
entered by hand (``hours_manual``) overrides them. Months without any hours
fall back to the configured monthly hours (``eco_safety.ltifr_monthly_hours``,
see the frequency report)."""
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.eco_order.models.eco_deadline_mixin import (
    run_batches, try_advisory_xact_lock)
from odoo.addons.resource.models.resource import to_naive_utc

LTIFR_BASE = 1000000.0
# advisory lock held by the scheduled refresh of the hours while it runs
HOURS_LOCK_KEY = 7304120002


def ltifr(injuries, hours):
    """Lost-time injuries per million hours worked (GB 6441); 0.0 when no
    hours were worked (no division by zero)."""
    if not hours or hours <= 0:
        return 0.0
    return round(injuries * LTIFR_BASE / hours, 2)


def month_bounds(day):
    """First and last day (``date``) of the month of ``day`` (date or string)."""
    if isinstance(day, str):
        day = fields.Date.from_string(day)
    first = date(day.year, day.month, 1)
    return first, first + relativedelta(months=1, days=-1)


class EcoSafetyWorkHours(models.Model):
    _name = 'eco.safety.work.hours'
    _description = 'Hours Worked per Month'
    _order = 'date desc, company_id'

    name = fields.Char(compute='_compute_name', store=True)
    company_id = fields.Many2one(
        'res.company', required=True, index=True,
        default=lambda self: self.env.user.company_id)
    date = fields.Date(string='Month', required=True, index=True,
                       help='Any day of the month (stored as its first day).')
    employee_count = fields.Integer(string='Employees', readonly=True)
    hours_calendar = fields.Float(
        string='Hours from Calendars', readonly=True,
        help="Sum over the company's employees of their working calendar's hours "
             "in the month, less public holidays and their own leaves.")
    hours_manual = fields.Float(
        string='Hours Entered',
        help='Hours worked entered by hand (e.g. from the payroll): they replace '
             'the hours from the calendars when above 0.')
    hours = fields.Float(string='Hours Worked', compute='_compute_hours',
                         store=True)
    source = fields.Selection(
        [('manual', 'Entered'), ('calendar', 'Working Calendars'),
         ('none', 'No Hours')], compute='_compute_hours', store=True)

    _sql_constraints = [
        ('month_unique', 'unique(company_id, date)',
         'The hours worked of a month are recorded once per company.'),
    ]

    @api.depends('date')
    def _compute_name(self):
        for rec in self:
            rec.name = rec.date and rec.date[:7] or False

    @api.depends('hours_calendar', 'hours_manual')
    def _compute_hours(self):
        for rec in self:
            if rec.hours_manual > 0:
                rec.hours, rec.source = rec.hours_manual, 'manual'
            elif rec.hours_calendar > 0:
                rec.hours, rec.source = rec.hours_calendar, 'calendar'
            else:
                rec.hours, rec.source = 0.0, 'none'

    @api.constrains('hours_manual')
    def _check_hours(self):
        for rec in self:
            if rec.hours_manual < 0:
                raise ValidationError(_('Month %s: the hours worked cannot be '
                                        'negative.') % rec.name)

    @api.model
    def _eco_first_day(self, vals):
        if vals.get('date'):
            vals['date'] = fields.Date.to_string(month_bounds(vals['date'])[0])
        return vals

    @api.model
    def create(self, vals):
        return super(EcoSafetyWorkHours, self).create(self._eco_first_day(vals))

    @api.multi
    def write(self, vals):
        return super(EcoSafetyWorkHours, self).write(self._eco_first_day(vals))

    # ------------------------------------------------------------ calendars
    @api.model
    def _eco_calendar_hours(self, company, day):
        """``(hours, employees)`` worked in the month of ``day`` by the active
        employees of ``company`` according to their working calendars. One
        computation per calendar; per employee only for those with leaves of
        their own in the month."""
        first, last = month_bounds(day)
        employees = self.env['hr.employee'].sudo().search(
            [('company_id', '=', company.id),
             ('resource_calendar_id', '!=', False)])
        if not employees:
            return 0.0, 0
        with_leaves = self.env['resource.calendar.leaves'].sudo().search([
            ('resource_id', 'in', employees.mapped('resource_id').ids),
            ('date_from', '<=', fields.Datetime.to_string(
                datetime.combine(last, time.max))),
            ('date_to', '>=', fields.Datetime.to_string(
                datetime.combine(first, time.min)))]).mapped('resource_id')
        total = 0.0
        for calendar in employees.mapped('resource_calendar_id'):
            calendar = calendar.with_context(
                tz=self.env.context.get('tz') or self.env.user.tz or 'UTC')
            start = to_naive_utc(datetime.combine(first, time.min), calendar)
            end = to_naive_utc(datetime.combine(last, time.max), calendar)
            members = employees.filtered(
                lambda e: e.resource_calendar_id == calendar)
            base = None
            for employee in members:
                if employee.resource_id in with_leaves:
                    total += calendar.get_work_hours_count(
                        start, end, employee.resource_id.id)
                    continue
                if base is None:
                    base = calendar.get_work_hours_count(start, end, None)
                total += base
        return round(total, 2), len(employees)

    @api.model
    def _eco_update_month(self, company, day):
        """Create or refresh the month's record from the calendars (the hours
        entered by hand are kept)."""
        first = fields.Date.to_string(month_bounds(day)[0])
        hours, count = self._eco_calendar_hours(company, day)
        rec = self.search([('company_id', '=', company.id), ('date', '=', first)])
        vals = {'hours_calendar': hours, 'employee_count': count}
        if rec:
            rec.write(vals)
        else:
            vals.update({'company_id': company.id, 'date': first})
            rec = self.create(vals)
        return rec

    @api.multi
    def action_compute(self):
        """Recompute the hours of these months from the working calendars."""
        for rec in self:
            self._eco_update_month(rec.company_id, rec.date)
        return True

    @api.model
    def _cron_eco_compute_hours(self):
        """The current and the previous month of every company (a few records:
        bounded work). Run by the cron, in a transaction of its own
        (``run_batches``) and left to a run already going on in another worker,
        which writes the same figures. Returns the number of months refreshed."""
        return run_batches(self, '_eco_compute_hours_unless_running', [None])

    @api.model
    def _eco_compute_hours_unless_running(self, _batch=None):
        if not try_advisory_xact_lock(self.env.cr, HOURS_LOCK_KEY):
            return 0
        return len(self._eco_compute_recent_hours())

    @api.model
    def _eco_compute_recent_hours(self):
        """Refresh the current and the previous month of every company."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        done = self.browse()
        for company in self.env['res.company'].sudo().search([]):
            for day in (today - relativedelta(months=1), today):
                done |= self.sudo()._eco_update_month(company, day)
        return done
