# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class EcoSelfStudy(models.Model):
    """Self-study submitted by an employee and approved by the manager."""
    _name = 'eco.self.study'
    _description = 'Self-Study'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date desc, id desc'

    name = fields.Char(string='Subject', required=True, track_visibility='onchange')
    employee_id = fields.Many2one(
        'hr.employee', string='Employee', required=True, index=True,
        default=lambda self: self.env['hr.employee'].search(
            [('user_id', '=', self.env.uid)], limit=1),
        ondelete='cascade')
    employee_user_id = fields.Many2one(
        related='employee_id.user_id', store=True, readonly=True)
    department_id = fields.Many2one(
        related='employee_id.department_id', store=True, readonly=True)
    topic_id = fields.Many2one('eco.training.topic', string='Topic',
                               ondelete='restrict')
    date = fields.Date(required=True, default=fields.Date.context_today)
    hours = fields.Float(required=True)
    evidence = fields.Binary(attachment=True, copy=False)
    evidence_name = fields.Char()
    description = fields.Text()
    state = fields.Selection([
        ('draft', 'Draft'),
        ('submitted', 'Submitted'),
        ('approved', 'Approved'),
        ('refused', 'Refused'),
    ], default='draft', required=True, copy=False, track_visibility='onchange',
        index=True)
    approved_by_id = fields.Many2one('res.users', readonly=True, copy=False)
    refuse_reason = fields.Text(copy=False)
    training_record_id = fields.Many2one(
        'eco.training.record', readonly=True, copy=False)

    _sql_constraints = [
        ('hours_positive', 'CHECK(hours > 0)', 'The hours must be positive.'),
    ]

    @api.multi
    def action_submit(self):
        for study in self:
            if study.state != 'draft':
                raise UserError(_('Only a draft self-study can be submitted.'))
            if study.employee_id.user_id != self.env.user and \
                    not study.employee_id._eco_is_managed_by(self.env.user):
                raise AccessError(_('You can only submit your own self-study.'))
        self.sudo().write({'state': 'submitted'})
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        for study in self.sudo():
            manager = study.employee_id._eco_manager_user()
            if manager:
                study._eco_schedule_activity(
                    activity_type, manager,
                    _('Approve the self-study "%s" of %s') % (
                        study.name, study.employee_id.name))
        return True

    @api.multi
    def _eco_schedule_activity(self, activity_type, user, summary):
        self.ensure_one()
        return self.env['mail.activity'].sudo().create({
            'res_model_id': self.env['ir.model']._get(self._name).id,
            'res_id': self.id,
            'activity_type_id': activity_type.id,
            'summary': summary,
            'user_id': user.id,
            'date_deadline': fields.Date.context_today(self),
        })

    @api.multi
    def _eco_check_approver(self):
        for study in self:
            if study.state != 'submitted':
                raise UserError(_('Only a submitted self-study can be approved or '
                                  'refused.'))
            if not study.employee_id._eco_is_managed_by(self.env.user):
                raise AccessError(_('Only the manager of %s or an HR officer can '
                                    'decide on this self-study.')
                                  % study.employee_id.name)

    @api.multi
    def action_approve(self):
        self._eco_check_approver()
        Record = self.env['eco.training.record'].sudo()
        for study in self.sudo():
            vals = {'state': 'approved', 'approved_by_id': self.env.uid}
            if study.topic_id:
                vals['training_record_id'] = Record.create({
                    'employee_id': study.employee_id.id,
                    'topic_id': study.topic_id.id,
                    'date_done': study.date,
                    'hours': study.hours,
                    'source': 'self_study',
                    'self_study_id': study.id,
                }).id
            study.write(vals)
            study.activity_ids.action_feedback(feedback=_('Approved'))
        return True

    @api.multi
    def action_refuse(self):
        self._eco_check_approver()
        for study in self.sudo():
            if not study.refuse_reason:
                raise UserError(_('Give the reason of the refusal first.'))
            study.write({'state': 'refused', 'approved_by_id': self.env.uid})
            study.activity_ids.action_feedback(feedback=_('Refused'))
        return True
