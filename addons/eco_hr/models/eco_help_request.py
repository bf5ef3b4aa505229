# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class EcoHelpRequest(models.Model):
    """An employee asks for help (R9.1): the manager gets an activity and
    records the support given."""
    _name = 'eco.help.request'
    _description = 'Help Request'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'create_date desc, id desc'
    _rec_name = 'reason'

    employee_id = fields.Many2one(
        'hr.employee', string='Employee', required=True, index=True,
        ondelete='cascade',
        default=lambda self: self.env['hr.employee'].search(
            [('user_id', '=', self.env.uid)], limit=1))
    employee_user_id = fields.Many2one(
        related='employee_id.user_id', store=True, readonly=True)
    department_id = fields.Many2one(
        related='employee_id.department_id', store=True, readonly=True)
    manager_user_id = fields.Many2one('res.users', string='Manager', readonly=True)
    order_id = fields.Many2one('sale.order', string='Order', ondelete='set null')
    reason = fields.Text(required=True)
    urgency = fields.Selection([
        ('low', 'Low'),
        ('normal', 'Normal'),
        ('high', 'High'),
    ], default='normal', required=True)
    state = fields.Selection([
        ('open', 'Open'),
        ('answered', 'Supported'),
    ], default='open', required=True, index=True, track_visibility='onchange')
    support_given = fields.Text(track_visibility='onchange')
    answered_date = fields.Datetime(readonly=True)

    @api.model
    def create(self, vals):
        employee = self.env['hr.employee'].sudo().browse(
            vals.get('employee_id') or self.default_get(['employee_id']).get(
                'employee_id'))
        if not employee:
            raise UserError(_('You have no employee record to ask for help.'))
        if employee.user_id != self.env.user and \
                not employee._eco_is_managed_by(self.env.user):
            raise AccessError(_('You can only ask for help for yourself.'))
        manager = employee._eco_manager_user()
        if not manager:
            raise UserError(_('%s has no manager to ask for help.') % employee.name)
        vals = dict(vals, employee_id=employee.id, manager_user_id=manager.id)
        request = super(EcoHelpRequest, self).create(vals)
        deadline = fields.Date.context_today(self)
        self.env['mail.activity'].sudo().create({
            'res_model_id': self.env['ir.model']._get(self._name).id,
            'res_id': request.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
            'summary': _('%s asks for help (%s urgency)') % (
                employee.name, dict(self._fields['urgency']._description_selection(
                    self.env))[request.urgency]),
            'note': request.reason,
            'user_id': manager.id,
            'date_deadline': deadline,
        })
        return request

    @api.multi
    def action_answer(self):
        for request in self:
            if request.state != 'open':
                raise UserError(_('This help request is already answered.'))
            if not (request.support_given or '').strip():
                raise UserError(_('Record the support given first.'))
            if request.employee_id.user_id == self.env.user or \
                    not request.employee_id._eco_is_managed_by(self.env.user):
                raise AccessError(_('Only the manager of %s or an HR officer can '
                                    'answer.') % request.employee_id.name)
        self.sudo().write({'state': 'answered', 'answered_date': fields.Datetime.now()})
        for request in self.sudo():
            request.activity_ids.action_feedback(feedback=request.support_given)
        return True
