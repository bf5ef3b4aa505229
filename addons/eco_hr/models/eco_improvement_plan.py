# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class EcoImprovementPlan(models.Model):
    """Coaching and improvement plan for a weak appraisal (R4.2)."""
    _name = 'eco.improvement.plan'
    _description = 'Improvement Plan'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date_review, id'

    name = fields.Char(required=True, track_visibility='onchange')
    employee_id = fields.Many2one('hr.employee', string='Employee', required=True,
                                  ondelete='cascade', index=True)
    employee_user_id = fields.Many2one(
        related='employee_id.user_id', store=True, readonly=True)
    department_id = fields.Many2one(
        related='employee_id.department_id', store=True, readonly=True)
    appraisal_id = fields.Many2one('eco.appraisal', string='Appraisal',
                                   ondelete='set null')
    coach_id = fields.Many2one('hr.employee', string='Coach',
                               track_visibility='onchange')
    goals = fields.Text(required=True)
    date_review = fields.Date(string='Review Date', required=True,
                              track_visibility='onchange')
    state = fields.Selection([
        ('open', 'In Progress'),
        ('closed', 'Closed'),
    ], default='open', required=True, copy=False, track_visibility='onchange')
    result = fields.Selection([
        ('improved', 'Improved'),
        ('partly', 'Partly Improved'),
        ('not_improved', 'Not Improved'),
    ], track_visibility='onchange')
    result_note = fields.Text(string='Result Notes')

    @api.model
    def create(self, vals):
        plan = super(EcoImprovementPlan, self).create(vals)
        coach_user = plan.sudo().coach_id.user_id
        if coach_user:
            self.env['mail.activity'].sudo().create({
                'res_model_id': self.env['ir.model']._get(self._name).id,
                'res_id': plan.id,
                'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
                'summary': _('Follow up the improvement plan of %s')
                % plan.employee_id.name,
                'user_id': coach_user.id,
                'date_deadline': plan.date_review,
            })
        return plan

    @api.multi
    def action_close(self):
        for plan in self:
            if plan.state != 'open':
                raise UserError(_('This improvement plan is already closed.'))
            if not plan.result:
                raise UserError(_('Record the result of the plan before closing it.'))
            if plan.employee_id.user_id == self.env.user or \
                    not plan.employee_id._eco_is_managed_by(self.env.user):
                raise AccessError(_('Only the manager of %s or an HR officer can '
                                    'close the plan.') % plan.employee_id.name)
        self.sudo().write({'state': 'closed'})
        self.sudo().mapped('activity_ids').action_feedback(feedback=_('Plan closed'))
        return True
