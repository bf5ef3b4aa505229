# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Lost-time injury frequency (GB 6441): hours from the working calendars,
entered hours, the configured default, exact rates per month and year, the
no-hours case, the dashboard figures and access by group."""
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.eco_safety.models.eco_safety_work_hours import HOURS_LOCK_KEY

from .common import EcoSafetyCase


class TestLtifr(EcoSafetyCase):

    @classmethod
    def setUpClass(cls):
        super(TestLtifr, cls).setUpClass()
        env = cls.env(context=dict(cls.env.context, tz='UTC'))
        cls.env = env
        cls.company = env['res.company'].create({'name': 'Sf Safety Works Ltd'})
        cls.calendar = env['resource.calendar'].create({
            'name': 'Sf 8 hours', 'company_id': cls.company.id,
            'attendance_ids': [
                (0, 0, {'name': 'd%s%s' % (day, half), 'dayofweek': str(day),
                        'hour_from': start, 'hour_to': end})
                for day in range(5) for half, start, end in (('a', 8, 12),
                                                             ('p', 13, 17))],
        })
        Employee = env['hr.employee']
        cls.worker_a = Employee.create({'name': 'Sf Wang Lei',
                                        'company_id': cls.company.id,
                                        'resource_calendar_id': cls.calendar.id})
        cls.worker_b = Employee.create({'name': 'Sf Li Na',
                                        'company_id': cls.company.id,
                                        'resource_calendar_id': cls.calendar.id})
        # a day of leave of Li Na (Monday 10 February 2025): 8 hours less
        env['resource.calendar.leaves'].create({
            'name': 'Sf leave', 'calendar_id': cls.calendar.id,
            'resource_id': cls.worker_b.resource_id.id, 'tz': 'UTC',
            'date_from': '2025-02-10 00:00:00', 'date_to': '2025-02-10 23:59:59'})
        Kind = env['eco.safety.incident.kind']
        cls.kind = Kind.create({'name': 'Sf Injury', 'code': 'SF_INJ'})
        cls.kind_near = Kind.create({'name': 'Sf Near Miss', 'code': 'SF_NEAR',
                                     'near_miss': True})
        company_vals = {'company_id': cls.company.id,
                        'company_ids': [(6, 0, cls.company.ids)]}
        cls.co_officer = cls._user(
            'sf_co_officer', 'eco_safety.group_eco_safety_officer', company_vals)
        cls.co_manager = cls._user(
            'sf_co_manager', 'eco_safety.group_eco_safety_manager', company_vals)
        cls.co_plain = cls._user('sf_co_plain', 'base.group_user', company_vals)

    @classmethod
    def _user(cls, login, group, vals):
        values = {'name': login, 'login': login, 'email': '%s@example.com' % login,
                  'groups_id': [(6, 0, cls.env.ref(group).ids)]}
        values.update(vals)
        return cls.env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True).create(values)

    def _incident(self, date, lost_days=0, injured=None, kind=None):
        return self.env['eco.safety.incident'].create({
            'name': 'Sf incident %s' % date, 'kind_id': (kind or self.kind).id,
            'date': date, 'company_id': self.company.id, 'lost_days': lost_days,
            'injured_employee_ids': [(6, 0, (injured or self.env['hr.employee']).ids)]})

    def _data(self):
        Hours = self.env['eco.safety.work.hours']
        feb = Hours._eco_update_month(self.company, '2025-02-20')
        mar = Hours._eco_update_month(self.company, '2025-03-03')
        mar.hours_manual = 500.0
        two = self.worker_a | self.worker_b
        self._incident('2025-02-12 09:00:00', lost_days=3, injured=two)
        self._incident('2025-02-14 09:00:00', lost_days=0, injured=self.worker_a)
        self._incident('2025-02-18 09:00:00', kind=self.kind_near)
        self._incident('2025-03-05 09:00:00', lost_days=5)
        self._incident('2025-04-08 09:00:00', lost_days=2, injured=self.worker_a)
        return feb, mar

    def _rows(self, user, groupby):
        Report = self.env['eco.safety.frequency.report'].sudo(user)
        return Report.read_group(
            [('company_id', '=', self.company.id), ('date', '>=', '2025-01-01'),
             ('date', '<=', '2025-12-31')],
            ['date', 'lti_count', 'hours', 'ltifr'], [groupby], orderby='date asc',
            lazy=False)

    def test_hours_from_calendars_and_entered(self):
        feb, mar = self._data()
        # February 2025: 20 working days x 8 hours x 2 people, less 8 hours leave
        self.assertEqual((feb.date, feb.employee_count, feb.hours_calendar),
                         ('2025-02-01', 2, 312.0))
        self.assertEqual((feb.hours, feb.source), (312.0, 'calendar'))
        # March 2025: 21 working days; the hours entered replace the calendars'
        self.assertEqual((mar.hours_calendar, mar.hours, mar.source),
                         (336.0, 500.0, 'manual'))
        mar.action_compute()
        self.assertEqual((mar.hours_calendar, mar.hours), (336.0, 500.0))
        with self.assertRaises(ValidationError), self.cr.savepoint():
            mar.hours_manual = -1.0

    def test_cron_refreshes_recent_months_unless_running(self):
        """The cron refreshes the current and the previous month of every
        company; while another transaction runs it (holds its advisory lock),
        a second run refreshes nothing and does not wait."""
        Hours = self.env['eco.safety.work.hours']
        with self.registry.cursor() as other:
            other.execute("SET LOCAL lock_timeout = '5s'")
            other.execute('SELECT pg_advisory_xact_lock(%s)', (HOURS_LOCK_KEY,))
            self.assertEqual(Hours._eco_compute_hours_unless_running(), 0)
            other.rollback()
        self.assertFalse(Hours.search([('company_id', '=', self.company.id)]))
        companies = self.env['res.company'].search_count([])
        self.assertEqual(Hours._cron_eco_compute_hours(), 2 * companies)
        self.assertEqual(Hours.search_count([('company_id', '=', self.company.id)]), 2)

    def test_rate_per_month_and_year(self):
        self._data()
        rows = self._rows(self.co_officer, 'date:month')
        figures = [(r['lti_count'], r['hours'], r['ltifr']) for r in rows[:3]]
        # 2 injured x 1e6 / 312 h; 1 x 1e6 / 500 h; April: no hours, rate 0
        self.assertEqual(figures, [(2, 312.0, 6410.26), (1, 500.0, 2000.0),
                                   (1, 0.0, 0.0)])
        april = self.env['eco.safety.frequency.report'].search(
            [('company_id', '=', self.company.id), ('date', '=', '2025-04-01')])
        self.assertEqual((april.hours_source, april.ltifr), ('none', 0.0))
        year = self._rows(self.co_officer, 'date:year')
        # the year's rate is recomputed from its sums: 4 x 1e6 / 812 h
        self.assertEqual([(r['lti_count'], r['hours'], r['ltifr']) for r in year],
                         [(4, 812.0, 4926.11)])
        # the configured monthly hours replace the missing ones
        self.env['ir.config_parameter'].set_param('eco_safety.ltifr_monthly_hours',
                                                  '10000')
        self.env['eco.safety.frequency.report'].invalidate_cache()
        april = self.env['eco.safety.frequency.report'].search(
            [('company_id', '=', self.company.id), ('date', '=', '2025-04-01')])
        self.assertEqual((april.hours, april.hours_source, april.ltifr),
                         (10000.0, 'default', 100.0))

    def test_dashboard_figures(self):
        self._data()
        Dash = self.env['eco.safety.dashboard'].sudo(self.co_manager)
        dash = Dash.create({'date': '2025-02-15'})
        self.assertEqual((dash.month_lti, dash.month_hours, dash.month_ltifr),
                         (2, 312.0, 6410.26))
        self.assertEqual((dash.year_lti, dash.year_hours, dash.year_ltifr),
                         (4, 812.0, 4926.11))
        self.assertEqual(dash.month_summary,
                         '6410.26 per million hours (lost-time injuries: 2, hours '
                         'worked: 312)')
        # a month without hours: a clear result, no division by zero
        dash = Dash.create({'date': '2025-04-15'})
        self.assertEqual((dash.month_lti, dash.month_hours, dash.month_ltifr),
                         (1, 0.0, 0.0))
        self.assertEqual(dash.month_summary, 'No hours worked recorded: rate not '
                                             'computed (lost-time injuries: 1)')
        action = Dash.action_eco_open()
        self.assertEqual(action['res_model'], 'eco.safety.dashboard')

    def test_lost_time_injury_count_and_bad_input(self):
        two = self.worker_a | self.worker_b
        self.assertEqual(self._incident('2025-02-12 09:00:00', 3, two).lti_count, 2)
        self.assertEqual(self._incident('2025-02-12 09:00:00', 3).lti_count, 1)
        self.assertEqual(self._incident('2025-02-12 09:00:00', 0, two).lti_count, 0)
        count = self.env['eco.safety.incident'].search_count([])
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._incident('2025-02-12 09:00:00', lost_days=2, kind=self.kind_near)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._incident('2025-02-12 09:00:00', lost_days=-1)
        self.assertEqual(self.env['eco.safety.incident'].search_count([]), count)

    def test_access_by_group(self):
        feb, _mar = self._data()
        Report = self.env['eco.safety.frequency.report']
        with self.assertRaises(AccessError):
            Report.sudo(self.co_plain).search([])
        with self.assertRaises(AccessError):
            feb.sudo(self.co_plain).read(['hours'])
        with self.assertRaises(AccessError):
            feb.sudo(self.co_officer).write({'hours_manual': 1.0})
        self.assertEqual(feb.sudo(self.co_officer).hours, 312.0)
        feb.sudo(self.co_manager).write({'hours_manual': 400.0})
        self.assertEqual(feb.hours, 400.0)
        # another company's officer sees none of these months
        self.assertFalse(Report.sudo(self.officer).search(
            [('company_id', '=', self.company.id)]))
        self.assertFalse(self.env['eco.safety.work.hours'].sudo(self.officer).search(
            [('company_id', '=', self.company.id)]))
