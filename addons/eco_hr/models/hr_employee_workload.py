# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Workload and care of employees (R9.1)."""
from datetime import datetime, time, timedelta

from odoo import _, api, fields, models
from odoo.tools.misc import split_every

PARAM_EFFORT = 'eco_hr.order_effort_hours'
PARAM_OVERLOAD = 'eco_hr.overload_hours'


def day_bounds(date):
    """(start, end) datetime strings of the day ``date`` (a date string)."""
    day = fields.Date.from_string(date)
    return (fields.Datetime.to_string(datetime.combine(day, time.min)),
            fields.Datetime.to_string(datetime.combine(day, time.max)))


class HrEmployee(models.Model):
    _inherit = 'hr.employee'

    eco_open_orders = fields.Integer(
        string='Open Orders', compute='_compute_eco_workload')
    eco_open_milestones = fields.Integer(
        string='Open Milestones', compute='_compute_eco_workload')
    eco_overdue_milestones = fields.Integer(
        string='Overdue Milestones', compute='_compute_eco_workload')
    eco_open_questions = fields.Integer(
        string='Open Questions', compute='_compute_eco_workload',
        help='Unanswered questions asked to the employee\'s department.')
    eco_planned_hours = fields.Float(
        string='Hours Planned This Week', compute='_compute_eco_workload',
        help='Open orders x the effort per order (system parameter '
             'eco_hr.order_effort_hours).')
    eco_leave_days_week = fields.Float(
        string='Leave Days This Week', compute='_compute_eco_workload')
    eco_on_leave_today = fields.Boolean(
        string='On Leave Today', compute='_compute_eco_workload')
    eco_order_cap = fields.Integer(
        related='user_id.eco_order_cap', string='Order Cap', readonly=True)
    eco_overloaded = fields.Boolean(
        string='Overloaded', compute='_compute_eco_workload')
    eco_overload_alerted = fields.Boolean(
        string='Overload Alert Sent', copy=False, readonly=True,
        help='Set when the manager was alerted; cleared when the load is back '
             'under the cap.')
    eco_help_request_ids = fields.One2many(
        'eco.help.request', 'employee_id', string='Help Requests')

    @api.model
    def _eco_param_float(self, key, default):
        try:
            return float(self.env['ir.config_parameter'].sudo().get_param(key, default))
        except (TypeError, ValueError):
            return float(default)

    @api.multi
    def _eco_workload_figures(self, date=None):
        """``{employee_id: {figure: value}}`` with a constant number of
        queries (one read_group per figure)."""
        date = date or fields.Date.context_today(self)
        now = fields.Datetime.now()
        employees = self.sudo()
        user_ids = employees.mapped('user_id').ids
        Order = self.env['sale.order'].sudo()
        Milestone = self.env['eco.order.milestone'].sudo()

        def by_user(model, domain, field):
            if not user_ids:
                return {}
            data = model.read_group(
                domain + [(field, 'in', user_ids)], [field], [field])
            return {d[field][0]: d['%s_count' % field] for d in data}
        orders = by_user(Order, Order._eco_open_order_domain(), 'eco_project_lead_id')
        milestones = by_user(Milestone, [('state', '=', 'pending')], 'user_id')
        overdue = by_user(
            Milestone, [('state', '=', 'pending'), ('deadline', '<', now)], 'user_id')
        department_ids = employees.mapped('department_id').ids
        questions = {}
        if department_ids:
            data = self.env['eco.order.question'].sudo().read_group(
                [('state', '=', 'open'), ('department_id', 'in', department_ids)],
                ['department_id'], ['department_id'])
            questions = {d['department_id'][0]: d['department_id_count'] for d in data}
        day = fields.Date.from_string(date)
        week_start = fields.Date.to_string(day - timedelta(days=day.weekday()))
        week_end = fields.Date.to_string(day + timedelta(days=6 - day.weekday()))
        leaves = self._eco_leaves(week_start, week_end)
        today_start, today_end = day_bounds(date)
        effort = self._eco_param_float(PARAM_EFFORT, 4.0)
        limit = self._eco_param_float(PARAM_OVERLOAD, 40.0)
        result = {}
        for employee in employees:
            uid = employee.user_id.id
            open_orders = orders.get(uid, 0)
            planned = open_orders * effort
            cap = employee.user_id.eco_order_cap
            days = 0.0
            on_leave = False
            for leave in leaves.get(employee.id, []):
                days += leave['days']
                if leave['date_from'] <= today_end and leave['date_to'] >= today_start:
                    on_leave = True
            result[employee.id] = {
                'eco_open_orders': open_orders,
                'eco_open_milestones': milestones.get(uid, 0),
                'eco_overdue_milestones': overdue.get(uid, 0),
                'eco_open_questions': questions.get(employee.department_id.id, 0),
                'eco_planned_hours': planned,
                'eco_leave_days_week': days,
                'eco_on_leave_today': on_leave,
                'eco_overloaded': bool(uid) and (
                    (cap and open_orders > cap) or (limit and planned > limit)),
            }
        return result

    @api.multi
    def _eco_leaves(self, date_from, date_to):
        """Approved leaves overlapping [date_from, date_to] (date strings):
        ``{employee_id: [{'date_from', 'date_to', 'days'}]}``, one query."""
        start = day_bounds(date_from)[0]
        end = day_bounds(date_to)[1]
        leaves = self.env['hr.holidays'].sudo().search_read([
            ('employee_id', 'in', self.ids), ('type', '=', 'remove'),
            ('state', '=', 'validate'), ('date_from', '<=', end),
            ('date_to', '>=', start)],
            ['employee_id', 'date_from', 'date_to', 'number_of_days_temp'])
        result = {}
        for leave in leaves:
            result.setdefault(leave['employee_id'][0], []).append({
                'date_from': leave['date_from'], 'date_to': leave['date_to'],
                'days': leave['number_of_days_temp']})
        return result

    @api.multi
    def _eco_on_leave(self, date=None):
        """Ids of the employees on approved leave on ``date`` (one query)."""
        date = date or fields.Date.context_today(self)
        leaves = self._eco_leaves(date, date)
        return set(leaves)

    @api.multi
    def _compute_eco_workload(self):
        figures = self._eco_workload_figures()
        for employee in self:
            for name, value in figures[employee.id].items():
                employee[name] = value

    @api.model
    def _cron_eco_overload_alert(self, batch_size=500):
        """Alert the manager once when an employee goes over the cap or the
        overload threshold; the flag is cleared when the load is back."""
        ids = self.sudo().search([('user_id', '!=', False)]).ids
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        model_id = self.env['ir.model']._get(self._name).id
        alerted = 0
        for batch in split_every(batch_size, ids, list):
            employees = self.sudo().browse(batch)
            figures = employees._eco_workload_figures()
            over = employees.filtered(lambda e: figures[e.id]['eco_overloaded'])
            back = employees.filtered(
                lambda e: e.eco_overload_alerted
                and not figures[e.id]['eco_overloaded'])
            todo = over.filtered(lambda e: not e.eco_overload_alerted)
            vals_list = []
            for employee in todo:
                manager = employee._eco_manager_user()
                if not manager:
                    continue
                fig = figures[employee.id]
                vals_list.append({
                    'res_model_id': model_id,
                    'res_id': employee.id,
                    'activity_type_id': activity_type.id,
                    'summary': _('%s is overloaded: %d open orders (cap %d), %.0f h '
                                 'planned') % (employee.name, fig['eco_open_orders'],
                                               employee.user_id.eco_order_cap,
                                               fig['eco_planned_hours']),
                    'user_id': manager.id,
                    'date_deadline': fields.Date.context_today(self),
                })
            self.env['mail.activity'].sudo()._eco_create_bulk(vals_list)
            if todo:
                todo.write({'eco_overload_alerted': True})
            if back:
                back.write({'eco_overload_alerted': False})
            alerted += len(todo)
        return alerted

    @api.multi
    def action_eco_ask_help(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Ask for Help'),
            'res_model': 'eco.help.request',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_employee_id': self.id},
        }
