# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class EcoReward(models.Model):
    """A reward proposal (bonus, honour, promotion recommendation) approved
    by the employee's manager (R4.1, R4.2)."""
    _name = 'eco.reward'
    _description = 'Reward'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'create_date desc, id desc'

    name = fields.Char(string='Reason', required=True, track_visibility='onchange')
    employee_id = fields.Many2one(
        'hr.employee', string='Employee', required=True, index=True,
        ondelete='cascade')
    employee_user_id = fields.Many2one(
        related='employee_id.user_id', store=True, readonly=True)
    department_id = fields.Many2one(
        related='employee_id.department_id', store=True, readonly=True)
    kind = fields.Selection([
        ('bonus', 'Bonus'),
        ('honour', 'Honour'),
        ('promotion', 'Promotion Recommendation'),
    ], required=True, default='honour', track_visibility='onchange')
    amount = fields.Monetary(string='Bonus Amount', track_visibility='onchange')
    currency_id = fields.Many2one(
        'res.currency', default=lambda self: self.env.user.company_id.currency_id)
    date = fields.Date(default=fields.Date.context_today, required=True)
    source = fields.Char(string='Origin', readonly=True,
                         help='Record that proposed the reward (model,id).')
    appraisal_id = fields.Many2one('eco.appraisal', string='Appraisal',
                                   ondelete='set null', readonly=True)
    state = fields.Selection([
        ('proposed', 'Proposed'),
        ('approved', 'Approved'),
        ('refused', 'Refused'),
    ], default='proposed', required=True, copy=False, index=True,
        track_visibility='onchange')
    approved_by_id = fields.Many2one('res.users', readonly=True, copy=False)
    approved_date = fields.Date(readonly=True, copy=False)
    certificate_lang = fields.Selection(
        [('zh_CN', 'Chinese (Simplified)'), ('en_US', 'English')],
        string='Certificate Language', default='zh_CN', required=True)

    _sql_constraints = [
        ('amount_positive', 'CHECK(amount >= 0)', 'A bonus cannot be negative.'),
    ]

    @api.model
    def _eco_propose(self, employee, kind, reason, source=None, **vals):
        """Create a reward proposal (once per origin) and ask the manager."""
        source_ref = source and '%s,%s' % (source._name, source.id) or False
        if source_ref and self.sudo().search_count(
                [('source', '=', source_ref), ('kind', '=', kind)]):
            return self.browse()
        values = {'employee_id': employee.id, 'kind': kind, 'name': reason,
                  'source': source_ref}
        values.update(vals)
        reward = self.sudo().create(values)
        manager = employee._eco_manager_user()
        if manager:
            self.env['mail.activity'].sudo().create({
                'res_model_id': self.env['ir.model']._get(self._name).id,
                'res_id': reward.id,
                'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
                'summary': _('Approve the reward proposal for %s') % employee.name,
                'user_id': manager.id,
                'date_deadline': fields.Date.context_today(self),
            })
        return reward

    @api.multi
    def _eco_check_decider(self):
        for reward in self:
            if reward.state != 'proposed':
                raise UserError(_('Only a proposed reward can be approved or refused.'))
            if not reward.employee_id._eco_is_managed_by(self.env.user) or \
                    reward.employee_id.user_id == self.env.user:
                raise AccessError(_('Only the manager of %s or an HR officer can '
                                    'decide on this reward.') % reward.employee_id.name)

    @api.multi
    def action_approve(self):
        self._eco_check_decider()
        self.sudo().write({'state': 'approved', 'approved_by_id': self.env.uid,
                           'approved_date': fields.Date.context_today(self)})
        for reward in self.sudo():
            reward.activity_ids.action_feedback(feedback=_('Approved'))
            reward.message_post(body=_('Reward approved by %s.') % self.env.user.name,
                                subtype='mail.mt_note')
        return True

    @api.multi
    def action_refuse(self):
        self._eco_check_decider()
        self.sudo().write({'state': 'refused', 'approved_by_id': self.env.uid})
        for reward in self.sudo():
            reward.activity_ids.action_feedback(feedback=_('Refused'))
        return True

    @api.multi
    def action_print_certificate(self):
        for reward in self:
            if reward.kind != 'honour' or reward.state != 'approved':
                raise UserError(_('Only an approved honour has a certificate.'))
        return self.env.ref('eco_hr.eco_reward_report_honour').report_action(self)
