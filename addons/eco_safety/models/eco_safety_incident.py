# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Incidents (near misses included): report, regulatory reporting deadline
with escalation when it is close (``eco.deadline.mixin``: the deadline is the
escalation point, some hours before the reporting deadline), investigation,
corrective actions (``mgmtsystem.action``) and closure."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .eco_safety_hazard import safety_manager

INCIDENT_STATES = [
    ('draft', 'Recorded'),
    ('reported', 'Reported'),
    ('investigation', 'Under Investigation'),
    ('closed', 'Closed'),
]


class EcoSafetyIncident(models.Model):
    _name = 'eco.safety.incident'
    _description = 'Safety Incident'
    _inherit = ['eco.deadline.mixin', 'mail.thread', 'mail.activity.mixin']
    _order = 'date desc, id desc'
    _deadline_responsible_field = 'user_id'
    _deadline_manager_field = 'manager_id'
    _deadline_grace_param = 'eco_safety.incident_grace_hours'
    _deadline_grace_default = 1.0

    name = fields.Char(required=True, track_visibility='onchange')
    kind_id = fields.Many2one('eco.safety.incident.kind', string='Kind',
                              required=True, track_visibility='onchange')
    near_miss = fields.Boolean(related='kind_id.near_miss', store=True,
                               readonly=True)
    date = fields.Datetime(string='Occurred On', required=True,
                           default=fields.Datetime.now)
    location = fields.Char()
    order_id = fields.Many2one('sale.order', string='Order', index=True)
    job_ref = fields.Reference(selection='_selection_job_ref', string='Site Job')
    company_id = fields.Many2one(
        'res.company', default=lambda self: self.env.user.company_id)
    employee_ids = fields.Many2many(
        'hr.employee', 'eco_safety_incident_employee_rel', 'incident_id',
        'employee_id', string='People Involved')
    injuries = fields.Text()
    lost_days = fields.Integer(string='Lost Work Days')
    injured_employee_ids = fields.Many2many(
        'hr.employee', 'eco_safety_incident_injured_rel', 'incident_id',
        'employee_id', string='People Injured (Lost Time)',
        help='The people whose injury cost work days: each one is a lost-time '
             'injury (伤害人次).')
    lti_count = fields.Integer(
        string='Lost-Time Injuries', compute='_compute_lti_count', store=True,
        help='Lost-time injuries of the incident (GB 6441 伤害人次): the people '
             'injured (at least one) when work days were lost, else 0.')
    environmental_release = fields.Boolean()
    release_description = fields.Text()
    immediate_measures = fields.Text()
    root_cause = fields.Text(string='Root Cause')
    losses = fields.Float(string='Losses')
    action_ids = fields.Many2many(
        'mgmtsystem.action', 'eco_safety_incident_action_rel', 'incident_id',
        'action_id', string='Corrective Actions')
    user_id = fields.Many2one('res.users', string='Safety Officer',
                              default=lambda self: self.env.user,
                              track_visibility='onchange')
    manager_id = fields.Many2one('res.users', string='Safety Manager',
                                 default=lambda self: safety_manager(self.env))
    report_deadline = fields.Datetime(
        string='Report Due', compute='_compute_report_deadline', store=True)
    deadline = fields.Datetime(
        string='Escalate From', compute='_compute_report_deadline', store=True)
    state = fields.Selection(INCIDENT_STATES, default='draft', required=True,
                             readonly=True, copy=False, track_visibility='onchange')
    date_closed = fields.Datetime(readonly=True, copy=False)

    @api.model
    def _selection_job_ref(self):
        return self.env['eco.safety.plan']._selection_job_ref()

    @api.depends('lost_days', 'injured_employee_ids', 'near_miss')
    def _compute_lti_count(self):
        for incident in self:
            if incident.lost_days > 0 and not incident.near_miss:
                incident.lti_count = max(1, len(incident.injured_employee_ids))
            else:
                incident.lti_count = 0

    @api.constrains('lost_days', 'kind_id', 'injured_employee_ids')
    def _check_lost_days(self):
        for incident in self:
            if incident.lost_days < 0:
                raise ValidationError(_('Incident %s: the lost work days cannot be '
                                        'negative.') % incident.name)
            if incident.near_miss and (incident.lost_days
                                       or incident.injured_employee_ids):
                raise ValidationError(_('Incident %s is a near miss: nobody was '
                                        'injured, no work days were lost.')
                                      % incident.name)

    @api.depends('date', 'kind_id.report_hours', 'kind_id.warn_hours')
    def _compute_report_deadline(self):
        for incident in self:
            hours = incident.kind_id.report_hours
            if not hours or not incident.date:
                incident.report_deadline = False
                incident.deadline = False
                continue
            due = fields.Datetime.from_string(incident.date) + timedelta(hours=hours)
            incident.report_deadline = fields.Datetime.to_string(due)
            incident.deadline = fields.Datetime.to_string(
                due - timedelta(hours=min(incident.kind_id.warn_hours, hours)))

    @api.multi
    def action_report(self):
        """Reported to the authority (the deadline is met)."""
        for incident in self:
            if incident.state != 'draft':
                raise UserError(_('Incident %s was already reported.') % incident.name)
        self.write({'state': 'reported', 'date_done': fields.Datetime.now()})
        return True

    @api.multi
    def action_investigate(self):
        for incident in self:
            if incident.state not in ('draft', 'reported'):
                raise UserError(_('Incident %s cannot be investigated now.')
                                % incident.name)
            if incident.state == 'draft' and incident.report_deadline:
                raise UserError(_('Report incident %s to the authority first.')
                                % incident.name)
        self.write({'state': 'investigation'})
        return True

    @api.multi
    def action_add_action(self, subject):
        self.ensure_one()
        action = self.env['mgmtsystem.action'].sudo().create({
            'name': subject,
            'type_action': 'correction',
            'user_id': (self.user_id or self.env.user).id,
        })
        self.action_ids = [(4, action.id)]
        return action

    @api.multi
    def action_close(self):
        for incident in self:
            if incident.state != 'investigation':
                raise UserError(_('Investigate incident %s before closing it.')
                                % incident.name)
            if not incident.root_cause:
                raise UserError(_('Incident %s: record the root cause first.')
                                % incident.name)
        self.write({'state': 'closed', 'date_closed': fields.Datetime.now()})
        return True

    @api.multi
    def _eco_escalation_summary(self, level):
        self.ensure_one()
        if level >= 2:
            return _('Incident %s must be reported by %s: escalated to the safety '
                     'manager') % (self.name, self.report_deadline)
        return _('Incident %s must be reported by %s') % (
            self.name, self.report_deadline)
