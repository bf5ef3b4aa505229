# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from .eco_order_type_milestone import MILESTONE_EVENTS
from .mail_thread import eco_sudo_as_actor


class EcoOrderMilestone(models.Model):
    """A time milestone of an order (R3.2), escalated when overdue."""
    _name = 'eco.order.milestone'
    _description = 'Order Milestone'
    _inherit = ['eco.deadline.mixin', 'mail.thread', 'mail.activity.mixin']
    _order = 'order_id, sequence, deadline, id'

    _deadline_responsible_field = 'user_id'
    _deadline_manager_field = 'order_id.team_id.user_id'

    # auto_join: the confidentiality rules read the order's stored level
    # in a join, not in a sub-search returning every order's id
    order_id = fields.Many2one(
        'sale.order', string='Order', required=True, ondelete='cascade', index=True,
        auto_join=True)
    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one(
        'res.users', string='Responsible', track_visibility='onchange', index=True)
    deadline = fields.Datetime(required=True, track_visibility='onchange')
    state = fields.Selection([
        ('pending', 'Pending'),
        ('done', 'Done'),
    ], default='pending', required=True, copy=False, track_visibility='onchange')
    notify_customer = fields.Boolean(
        help='The customer is informed when the milestone is reached.')
    event = fields.Selection(
        MILESTONE_EVENTS, string='Done By Event', readonly=True,
        help='The milestone is done when this event happens on the order.')
    template_id = fields.Many2one(
        'eco.order.type.milestone', string='Template', ondelete='set null')
    responsible_role = fields.Selection([
        ('project_lead', 'Project Lead'),
        ('team_manager', 'Team Manager'),
    ], string='Responsible Role', default='project_lead')
    partner_id = fields.Many2one(related='order_id.partner_id', readonly=True)
    company_id = fields.Many2one(
        related='order_id.company_id', store=True, readonly=True, index=True)

    @api.multi
    def action_done(self):
        if any(m.state == 'done' for m in self):
            raise UserError(_('This milestone is already done.'))
        self.write({'state': 'done', 'date_done': fields.Datetime.now()})
        for milestone in self:
            eco_sudo_as_actor(milestone.activity_ids).action_feedback(
                feedback=_('Milestone reached.'))
            milestone._eco_notify_customer()
        return True

    @api.multi
    def action_reopen(self):
        self.write({'state': 'pending', 'date_done': False})
        return True

    @api.multi
    def _eco_notify_customer(self):
        self.ensure_one()
        if not self.notify_customer:
            return
        order = self.order_id
        order.message_post(
            body=_('Your order %s has reached the milestone "%s".') % (
                html_escape(order.name), html_escape(self.name)),
            partner_ids=order.partner_id.ids,
            subtype='mail.mt_comment', message_type='comment')

    @api.multi
    def _eco_escalation_summary(self, level):
        self.ensure_one()
        if level >= 2:
            return _('Milestone "%s" of order %s is overdue (escalated)') % (
                self.name, self.order_id.name)
        return _('Milestone "%s" of order %s is overdue') % (
            self.name, self.order_id.name)

    @api.model
    def _cron_escalate(self, batch_size=500):
        return self._cron_eco_escalate_overdue(batch_size=batch_size)
