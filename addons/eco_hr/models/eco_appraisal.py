# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

# computed from the orders or set by the workflow: only HR officers (and the
# workflow, as superuser) write them; managers write comments and adjustments
PROTECTED_FIELDS = {
    'period_id', 'employee_id', 'department_id', 'state', 'order_count',
    'rework_count', 'accuracy', 'milestone_due', 'milestone_on_time', 'ack_due',
    'ack_on_time', 'response_count', 'response_hours', 'timeliness',
    'has_satisfaction', 'satisfaction', 'score', 'rank', 'reviewed_by_id',
    'acknowledged_date'}


class EcoAppraisal(models.Model):
    """The appraisal of one employee for a period, from the order data."""
    _name = 'eco.appraisal'
    _description = 'Appraisal'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'period_id desc, department_id, rank, id'

    period_id = fields.Many2one('eco.appraisal.period', string='Period',
                                required=True, ondelete='cascade', index=True)
    employee_id = fields.Many2one('hr.employee', string='Employee', required=True,
                                  ondelete='cascade', index=True)
    employee_user_id = fields.Many2one(
        related='employee_id.user_id', store=True, readonly=True)
    department_id = fields.Many2one('hr.department', string='Department',
                                    index=True)
    state = fields.Selection([
        ('draft', 'Draft'),
        ('computed', 'Computed'),
        ('reviewed', 'Reviewed'),
        ('acknowledged', 'Acknowledged'),
        ('done', 'Done'),
    ], default='draft', required=True, copy=False, index=True,
        track_visibility='onchange')
    order_count = fields.Integer(string='Orders', readonly=True)
    rework_count = fields.Integer(string='Orders With Rework', readonly=True)
    accuracy = fields.Float(string='Accuracy (%)', readonly=True,
                            group_operator='avg')
    milestone_due = fields.Integer(string='Milestones Due', readonly=True)
    milestone_on_time = fields.Integer(string='Milestones On Time', readonly=True)
    ack_due = fields.Integer(string='Acknowledgements Due', readonly=True)
    ack_on_time = fields.Integer(string='Acknowledged In Time', readonly=True)
    response_count = fields.Integer(string='Requests Answered', readonly=True)
    response_hours = fields.Float(string='Mean First Response (Hours)',
                                  readonly=True, group_operator='avg')
    timeliness = fields.Float(string='Timeliness (%)', readonly=True,
                              group_operator='avg')
    has_satisfaction = fields.Boolean(readonly=True)
    satisfaction = fields.Float(string='Customer Satisfaction', readonly=True,
                                group_operator='avg')
    score = fields.Float(string='Weighted Score', readonly=True, group_operator='avg')
    adjustment = fields.Float(track_visibility='onchange')
    adjustment_reason = fields.Text(track_visibility='onchange')
    final_score = fields.Float(compute='_compute_final_score', store=True,
                               group_operator='avg')
    rank = fields.Integer(string='Rank in Department', readonly=True)
    manager_comment = fields.Text(string='Manager Comments')
    reviewed_by_id = fields.Many2one('res.users', readonly=True, copy=False)
    acknowledged_date = fields.Datetime(readonly=True, copy=False)
    reward_ids = fields.One2many('eco.reward', 'appraisal_id', string='Rewards')
    plan_ids = fields.One2many('eco.improvement.plan', 'appraisal_id',
                               string='Improvement Plans')

    _sql_constraints = [
        ('employee_period_unique', 'unique(period_id, employee_id)',
         'An employee has one appraisal per period.'),
    ]

    @api.depends('score', 'adjustment')
    def _compute_final_score(self):
        for appraisal in self:
            appraisal.final_score = round(appraisal.score + appraisal.adjustment, 2)

    @api.multi
    def name_get(self):
        return [(a.id, '%s - %s' % (a.period_id.name, a.employee_id.name))
                for a in self]

    @api.multi
    def write(self, vals):
        user = self.env.user
        if not (user._is_superuser() or user.has_group('hr.group_hr_user')) \
                and set(vals) & PROTECTED_FIELDS:
            raise AccessError(_('Appraisal figures are computed from the orders; '
                                'only comments and adjustments can be changed.'))
        if {'adjustment', 'adjustment_reason', 'manager_comment'} & set(vals) and \
                any(a.state not in ('draft', 'computed') for a in self) and \
                not self.env.user._is_superuser():
            raise UserError(_('A reviewed appraisal cannot be adjusted any more.'))
        return super(EcoAppraisal, self).write(vals)

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    @api.multi
    def _eco_check_state(self, states, action):
        for appraisal in self:
            if appraisal.state not in states:
                raise UserError(_('The appraisal of %s cannot be %s in its state.')
                                % (appraisal.employee_id.name, action))

    @api.multi
    def _eco_check_manager(self):
        for appraisal in self:
            employee = appraisal.employee_id
            if employee.user_id == self.env.user or \
                    not employee._eco_is_managed_by(self.env.user):
                raise AccessError(_('Only the manager of %s or an HR officer can do '
                                    'this.') % employee.name)

    @api.multi
    def action_review(self):
        self._eco_check_state(('computed',), _('reviewed'))
        self._eco_check_manager()
        for appraisal in self:
            if appraisal.adjustment and not (appraisal.adjustment_reason or '').strip():
                raise UserError(_('Give the reason of the adjustment of %s.')
                                % appraisal.employee_id.name)
        self.sudo().write({'state': 'reviewed', 'reviewed_by_id': self.env.uid})
        self.mapped('period_id')._eco_rank()
        for appraisal in self.sudo():
            if appraisal.employee_user_id:
                appraisal._eco_activity(
                    appraisal.employee_user_id,
                    _('Read and acknowledge your appraisal %s')
                    % appraisal.period_id.name)
        return True

    @api.multi
    def action_acknowledge(self):
        self._eco_check_state(('reviewed',), _('acknowledged'))
        for appraisal in self:
            if appraisal.employee_id.user_id != self.env.user:
                raise AccessError(_('Only %s can acknowledge this appraisal.')
                                  % appraisal.employee_id.name)
        self.sudo().write({'state': 'acknowledged',
                           'acknowledged_date': fields.Datetime.now()})
        self.sudo().mapped('activity_ids').action_feedback(feedback=_('Acknowledged'))
        return True

    @api.multi
    def action_done(self):
        self._eco_check_state(('acknowledged',), _('closed'))
        self._eco_check_manager()
        self.sudo().write({'state': 'done'})
        self.sudo()._eco_outcomes()
        return True

    @api.multi
    def action_reset(self):
        """Back to computed (manager or HR officer), e.g. after a complaint."""
        self._eco_check_state(('reviewed', 'acknowledged'), _('reset'))
        self._eco_check_manager()
        self.sudo().write({'state': 'computed'})
        return True

    @api.multi
    def _eco_activity(self, user, summary, deadline=None):
        self.ensure_one()
        return self.env['mail.activity'].sudo().create({
            'res_model_id': self.env['ir.model']._get(self._name).id,
            'res_id': self.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
            'summary': summary,
            'user_id': user.id,
            'date_deadline': deadline or fields.Date.context_today(self),
        })

    @api.multi
    def _eco_outcomes(self):
        """Reward proposal for the best of the department, improvement plan
        for those below the threshold."""
        Plan = self.env['eco.improvement.plan']
        Reward = self.env['eco.reward']
        for appraisal in self:
            period = appraisal.period_id
            if appraisal.rank == 1 and appraisal.final_score >= period.reward_threshold:
                Reward._eco_propose(
                    appraisal.employee_id, 'honour',
                    _('Best appraisal of the department for %s (score %.1f)') % (
                        period.name, appraisal.final_score),
                    source=appraisal, appraisal_id=appraisal.id)
            if appraisal.final_score < period.improvement_threshold \
                    and not appraisal.plan_ids:
                coach = appraisal.employee_id.parent_id \
                    or appraisal.employee_id.department_id.manager_id
                review = fields.Date.to_string(
                    fields.Date.from_string(fields.Date.context_today(self))
                    + timedelta(days=30))
                Plan.create({
                    'employee_id': appraisal.employee_id.id,
                    'appraisal_id': appraisal.id,
                    'coach_id': coach.id,
                    'name': _('Improvement plan after %s') % period.name,
                    'goals': _('Raise the appraisal score to at least %.0f '
                               '(now %.1f).') % (period.improvement_threshold,
                                                 appraisal.final_score),
                    'date_review': review,
                })
        return True

    # ------------------------------------------------------------------
    # drill-down to the orders the figures came from
    # ------------------------------------------------------------------
    @api.multi
    def action_view_orders(self):
        self.ensure_one()
        start, end = self.period_id._eco_bounds()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Orders of %s') % self.display_name,
            'res_model': 'sale.order',
            'view_mode': 'tree,form',
            'domain': [('eco_project_lead_id', '=', self.employee_user_id.id),
                       ('state', '!=', 'cancel'),
                       ('eco_allocation_date', '>=', start),
                       ('eco_allocation_date', '<=', end)],
        }

    @api.multi
    def action_view_rework_orders(self):
        self.ensure_one()
        ids = self.period_id._eco_rework_orders().get(self.employee_user_id.id, set())
        action = self.action_view_orders()
        action.update(name=_('Orders with rework of %s') % self.display_name,
                      domain=[('id', 'in', sorted(ids))])
        return action

    @api.multi
    def action_view_milestones(self):
        self.ensure_one()
        start, end = self.period_id._eco_bounds()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Milestones of %s') % self.display_name,
            'res_model': 'eco.order.milestone',
            'view_mode': 'tree,form',
            'domain': [('user_id', '=', self.employee_user_id.id),
                       ('deadline', '>=', start), ('deadline', '<=', end)],
        }
