# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape, plaintext2html

from .mail_thread import eco_sudo_as_actor


class EcoOrderQuestion(models.Model):
    """A question raised on an order to another department (R3.2)."""
    _name = 'eco.order.question'
    _description = 'Question Between Departments'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'create_date desc, id desc'
    _rec_name = 'question'

    # auto_join: the confidentiality rules read the order's stored level
    # in a join, not in a sub-search returning every order's id
    order_id = fields.Many2one(
        'sale.order', string='Order', required=True, ondelete='cascade', index=True,
        auto_join=True)
    department_id = fields.Many2one(
        'hr.department', string='Asked Department', required=True)
    question = fields.Text(required=True)
    answer = fields.Text()
    state = fields.Selection([
        ('open', 'Open'),
        ('answered', 'Answered'),
    ], default='open', required=True, track_visibility='onchange', index=True)
    asked_by_id = fields.Many2one(
        'res.users', string='Asked By', default=lambda self: self.env.user,
        readonly=True)
    answered_by_id = fields.Many2one('res.users', string='Answered By', readonly=True)
    answer_date = fields.Datetime(readonly=True)
    company_id = fields.Many2one(
        related='order_id.company_id', store=True, readonly=True, index=True)

    @api.model
    def create(self, vals):
        question = super(EcoOrderQuestion, self).create(vals)
        question._eco_notify_department()
        return question

    @api.multi
    def _eco_department_users(self):
        self.ensure_one()
        return self.department_id._eco_internal_users()

    @api.multi
    def _eco_notify_department(self):
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        model_id = self.env['ir.model']._get(self._name).id
        Activity = self.env['mail.activity'].sudo()
        for question in self:
            for user in question._eco_department_users():
                Activity.create({
                    'res_model_id': model_id,
                    'res_id': question.id,
                    'activity_type_id': activity_type.id,
                    'summary': _('Question on order %s') % question.order_id.name,
                    'note': plaintext2html(question.question or ''),
                    'user_id': user.id,
                    'date_deadline': fields.Date.context_today(question),
                })

    @api.multi
    def action_answer(self):
        for question in self:
            if question.state != 'open':
                raise UserError(_('This question is already answered.'))
            if not question.answer:
                raise UserError(_('Write the answer first.'))
        self.write({'state': 'answered', 'answered_by_id': self.env.user.id,
                    'answer_date': fields.Datetime.now()})
        for question in self:
            eco_sudo_as_actor(question.activity_ids).action_feedback(
                feedback=plaintext2html(question.answer or ''))
            question.order_id.message_post(
                body=_('Question answered by %s: %s') % (
                    html_escape(self.env.user.name), html_escape(question.answer)),
                subtype='mail.mt_note')
        return True
