# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Appraisal periods: KPIs computed from the order records (R4.2).

Every KPI is read with a constant number of queries for the whole period
(read_group or one SQL statement with parameters), whatever the number of
employees and orders (scripts/bench_appraisal.py).
"""
from datetime import datetime, time

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class EcoAppraisalPeriod(models.Model):
    _name = 'eco.appraisal.period'
    _description = 'Appraisal Period'
    _inherit = ['mail.thread']
    _order = 'date_from desc, id desc'

    name = fields.Char(required=True, track_visibility='onchange')
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    weight_accuracy = fields.Float(string='Weight: Accuracy', default=40.0)
    weight_timeliness = fields.Float(string='Weight: Timeliness', default=40.0)
    weight_satisfaction = fields.Float(string='Weight: Satisfaction', default=20.0)
    reward_threshold = fields.Float(
        string='Reward From Score', default=90.0,
        help='The best of each department scoring at least this get a reward '
             'proposal.')
    improvement_threshold = fields.Float(
        string='Improvement Plan Below Score', default=60.0,
        help='Employees scoring below this get an improvement plan.')
    state = fields.Selection([
        ('draft', 'Draft'),
        ('computed', 'Computed'),
        ('done', 'Done'),
    ], default='draft', required=True, copy=False, track_visibility='onchange')
    appraisal_ids = fields.One2many('eco.appraisal', 'period_id', string='Appraisals')
    appraisal_count = fields.Integer(compute='_compute_appraisal_count')
    company_id = fields.Many2one(
        'res.company', default=lambda self: self.env.user.company_id, required=True)

    @api.constrains('date_from', 'date_to', 'weight_accuracy', 'weight_timeliness',
                    'weight_satisfaction')
    def _check_period(self):
        for period in self:
            if period.date_from > period.date_to:
                raise ValidationError(_('The period %s ends before it starts.')
                                      % period.name)
            weights = (period.weight_accuracy, period.weight_timeliness,
                       period.weight_satisfaction)
            if min(weights) < 0 or not sum(weights):
                raise ValidationError(_('The KPI weights must be positive.'))

    @api.multi
    def _compute_appraisal_count(self):
        data = self.env['eco.appraisal'].read_group(
            [('period_id', 'in', self.ids)], ['period_id'], ['period_id'])
        counts = {d['period_id'][0]: d['period_id_count'] for d in data}
        for period in self:
            period.appraisal_count = counts.get(period.id, 0)

    # ------------------------------------------------------------------
    # KPI sources (constant queries each)
    # ------------------------------------------------------------------
    @api.multi
    def _eco_bounds(self):
        self.ensure_one()
        start = datetime.combine(fields.Date.from_string(self.date_from), time.min)
        end = datetime.combine(fields.Date.from_string(self.date_to), time.max)
        return fields.Datetime.to_string(start), fields.Datetime.to_string(end)

    @api.multi
    def _eco_order_figures(self):
        """Per project lead: orders allocated in the period, acknowledgements
        due and acknowledged in time. One query."""
        start, end = self._eco_bounds()
        self.env.cr.execute("""
            SELECT eco_project_lead_id,
                   count(*),
                   count(*) FILTER (WHERE eco_ack_state != 'none'
                        AND (eco_ack_date IS NOT NULL OR eco_ack_deadline < %s)),
                   count(*) FILTER (WHERE eco_ack_date IS NOT NULL
                        AND eco_ack_date <= eco_ack_deadline)
              FROM sale_order
             WHERE eco_project_lead_id IS NOT NULL
               AND state != 'cancel'
               AND eco_allocation_date BETWEEN %s AND %s
             GROUP BY eco_project_lead_id""", (fields.Datetime.now(), start, end))
        return {row[0]: {'orders': row[1], 'ack_due': row[2], 'ack_on_time': row[3]}
                for row in self.env.cr.fetchall()}

    @api.multi
    def _eco_rework_orders(self):
        """``{lead user id: set(order ids)}`` of the period's orders with
        rework: a failed acceptance criterion or a rectification. One query;
        eco_aftersales adds the complaint tickets with super()."""
        start, end = self._eco_bounds()
        self.env.cr.execute("""
            SELECT so.eco_project_lead_id, so.id
              FROM sale_order so
             WHERE so.eco_project_lead_id IS NOT NULL
               AND so.state != 'cancel'
               AND so.eco_allocation_date BETWEEN %s AND %s
               AND (EXISTS (SELECT 1 FROM eco_rectification r
                             WHERE r.order_id = so.id)
                    OR EXISTS (SELECT 1 FROM eco_acceptance_line l
                                 JOIN eco_acceptance a ON a.id = l.acceptance_id
                                WHERE a.order_id = so.id AND l.result = 'failed'))
        """, (start, end))
        result = {}
        for lead_id, order_id in self.env.cr.fetchall():
            result.setdefault(lead_id, set()).add(order_id)
        return result

    @api.multi
    def _eco_milestone_figures(self):
        """Per responsible: milestones due in the period (done or overdue) and
        done on time. Two read_group."""
        start, end = self._eco_bounds()
        Milestone = self.env['eco.order.milestone'].sudo()
        base = [('deadline', '>=', start), ('deadline', '<=', end),
                ('user_id', '!=', False)]
        due = Milestone.read_group(
            base + ['|', ('date_done', '!=', False),
                    ('deadline', '<', fields.Datetime.now())],
            ['user_id'], ['user_id'])
        on_time = Milestone.read_group(
            base + [('date_done', '!=', False), ('done_late', '=', False)],
            ['user_id'], ['user_id'])
        result = {}
        for data, key in ((due, 'due'), (on_time, 'on_time')):
            for d in data:
                result.setdefault(d['user_id'][0], {'due': 0, 'on_time': 0})[key] = \
                    d['user_id_count']
        return result

    @api.multi
    def _eco_response_figures(self):
        """Per receiving user: mean hours to the first response of the
        requests answered in the period. One read_group."""
        start, end = self._eco_bounds()
        data = self.env['sale.order'].sudo().read_group(
            [('intake_first_response_date', '>=', start),
             ('intake_first_response_date', '<=', end),
             ('intake_received_by_id', '!=', False)],
            ['intake_received_by_id', 'intake_response_hours'],
            ['intake_received_by_id'])
        return {d['intake_received_by_id'][0]: {
            'hours': d['intake_response_hours'] or 0.0,
            'count': d['intake_received_by_id_count']} for d in data}

    @api.model
    def _eco_satisfaction_scores(self, employees, period):
        """Customer satisfaction per employee for ``period`` (public contract:
        eco_aftersales fills it from its surveys).

        :returns: ``{employee_id: score}`` with scores from 0 to 100; empty
            here (no survey source without eco_aftersales).
        """
        return {}

    # ------------------------------------------------------------------
    # computation
    # ------------------------------------------------------------------
    @api.multi
    def _eco_compute_values(self):
        """``{employee_id: values of eco.appraisal}`` for the period."""
        self.ensure_one()
        orders = self._eco_order_figures()
        rework = self._eco_rework_orders()
        milestones = self._eco_milestone_figures()
        responses = self._eco_response_figures()
        user_ids = set(orders) | set(milestones) | set(responses)
        employees = self.env['hr.employee'].sudo().search(
            [('user_id', 'in', list(user_ids))])
        satisfaction = self._eco_satisfaction_scores(employees, self)
        result = {}
        for employee in employees:
            uid = employee.user_id.id
            o = orders.get(uid, {'orders': 0, 'ack_due': 0, 'ack_on_time': 0})
            m = milestones.get(uid, {'due': 0, 'on_time': 0})
            r = responses.get(uid, {'hours': 0.0, 'count': 0})
            rework_count = len(rework.get(uid, ()))
            vals = {
                'employee_id': employee.id,
                'department_id': employee.department_id.id,
                'order_count': o['orders'],
                'rework_count': rework_count,
                'ack_due': o['ack_due'],
                'ack_on_time': o['ack_on_time'],
                'milestone_due': m['due'],
                'milestone_on_time': m['on_time'],
                'response_count': r['count'],
                'response_hours': r['hours'],
                'has_satisfaction': employee.id in satisfaction,
                'satisfaction': satisfaction.get(employee.id, 0.0),
            }
            vals.update(self._eco_scores(vals))
            result[employee.id] = vals
        return result

    @api.multi
    def _eco_scores(self, vals):
        """KPIs (0-100) and the weighted score of one employee's figures;
        KPIs without data are left out of the weighting."""
        self.ensure_one()
        kpis = []
        accuracy = timeliness = 0.0
        if vals['order_count']:
            accuracy = 100.0 * (vals['order_count'] - vals['rework_count']) \
                / vals['order_count']
            kpis.append((accuracy, self.weight_accuracy))
        due = vals['milestone_due'] + vals['ack_due']
        if due:
            timeliness = 100.0 * (vals['milestone_on_time'] + vals['ack_on_time']) / due
            kpis.append((timeliness, self.weight_timeliness))
        if vals['has_satisfaction']:
            kpis.append((vals['satisfaction'], self.weight_satisfaction))
        weights = sum(w for _k, w in kpis)
        score = sum(k * w for k, w in kpis) / weights if weights else 0.0
        return {'accuracy': round(accuracy, 2), 'timeliness': round(timeliness, 2),
                'score': round(score, 2)}

    @api.multi
    def action_compute(self):
        """Compute (or recompute) the appraisals of the period; appraisals
        already reviewed are kept."""
        Appraisal = self.env['eco.appraisal'].sudo().with_context(
            tracking_disable=True, mail_create_nolog=True)
        for period in self:
            if period.state == 'done':
                raise UserError(_('The period %s is closed.') % period.name)
            values = period._eco_compute_values()
            existing = {a.employee_id.id: a for a in period.appraisal_ids}
            for employee_id, vals in values.items():
                appraisal = existing.get(employee_id)
                if appraisal and appraisal.state not in ('draft', 'computed'):
                    continue
                vals['state'] = 'computed'
                if appraisal:
                    appraisal.write(vals)
                else:
                    vals['period_id'] = period.id
                    Appraisal.create(vals)
            period.write({'state': 'computed'})
            period._eco_rank()
        return True

    @api.multi
    def _eco_rank(self):
        """Rank within the department by final score (1 = best, ties share
        a rank). One query to read, one UPDATE per distinct rank."""
        for period in self:
            appraisals = self.env['eco.appraisal'].sudo().search_read(
                [('period_id', '=', period.id)],
                ['department_id', 'final_score', 'rank'])
            by_department = {}
            for a in appraisals:
                key = a['department_id'] and a['department_id'][0]
                by_department.setdefault(key, []).append(a)
            by_rank = {}
            for rows in by_department.values():
                scores = [r['final_score'] for r in rows]
                for r in rows:
                    rank = 1 + sum(1 for s in scores if s > r['final_score'])
                    if rank != r['rank']:
                        by_rank.setdefault(rank, []).append(r['id'])
            for rank, ids in by_rank.items():
                self.env['eco.appraisal'].sudo().browse(ids).with_context(
                    tracking_disable=True).write({'rank': rank})
        return True

    @api.multi
    def action_close(self):
        for period in self:
            if period.appraisal_ids.filtered(lambda a: a.state != 'done'):
                raise UserError(_('Finish every appraisal of %s first.') % period.name)
        self.write({'state': 'done'})
        return True

    @api.multi
    def action_view_appraisals(self):
        self.ensure_one()
        action = self.env.ref('eco_hr.eco_appraisal_action').read()[0]
        action['domain'] = [('period_id', '=', self.id)]
        return action
