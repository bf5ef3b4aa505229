# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Post-delivery follow-ups scheduled from the acceptance date (R11.2)."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .eco_order_type import parse_days

OUTCOMES = [
    ('satisfied', 'Satisfied'),
    ('issue', 'Issue Found'),
    ('no_answer', 'No Answer'),
]


class EcoServiceFollowup(models.Model):
    _name = 'eco.service.followup'
    _description = 'After-Sales Follow-up'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date_due, id'

    name = fields.Char(required=True)
    order_id = fields.Many2one('sale.order', string='Order', required=True,
                               ondelete='cascade', index=True)
    partner_id = fields.Many2one(related='order_id.partner_id', store=True,
                                 readonly=True, string='Customer')
    company_id = fields.Many2one(related='order_id.company_id', store=True,
                                 readonly=True, string='Company')
    user_id = fields.Many2one('res.users', string='Project Lead', index=True)
    day_offset = fields.Integer(string='Days After Acceptance')
    date_due = fields.Date(string='Due On', required=True, index=True)
    state = fields.Selection(
        [('planned', 'Planned'), ('done', 'Done')], default='planned',
        required=True, index=True, track_visibility='onchange')
    outcome = fields.Selection(OUTCOMES, track_visibility='onchange')
    note = fields.Text()
    retry_of_id = fields.Many2one('eco.service.followup', string='Retry Of',
                                  ondelete='set null')
    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', readonly=True)

    @api.model
    def _eco_offsets(self, order):
        text = order.order_type_id.eco_followup_days or self.env[
            'ir.config_parameter'].sudo().get_param(
                'eco_aftersales.followup_days', '7,30,90')
        try:
            return parse_days(text)
        except ValueError:
            return [7, 30, 90]

    @api.model
    def _eco_schedule(self, orders):
        """Plan the follow-ups of accepted ``orders`` (once per order), each with a
        to-do activity for the project lead."""
        vals_list = []
        for order in orders:
            if not order.eco_acceptance_date or self.search_count(
                    [('order_id', '=', order.id)]):
                continue
            accepted = fields.Date.from_string(order.eco_acceptance_date)
            for days in self._eco_offsets(order):
                vals_list.append({
                    'name': _('%s: follow-up after %d days') % (order.name, days),
                    'order_id': order.id,
                    'user_id': order.user_id.id,
                    'day_offset': days,
                    'date_due': fields.Date.to_string(accepted + timedelta(days=days)),
                })
        followups = self.browse()
        for vals in vals_list:
            followups |= self.create(vals)
        followups._eco_plan_activities()
        return followups

    @api.multi
    def _eco_plan_activities(self):
        model_id = self.env['ir.model']._get(self._name).id
        activity_type = self.env.ref('mail.mail_activity_data_call')
        self.env['mail.activity'].sudo()._eco_create_bulk([{
            'res_model_id': model_id,
            'res_id': followup.id,
            'activity_type_id': activity_type.id,
            'summary': followup.name,
            'user_id': (followup.user_id or self.env.user).id,
            'date_deadline': followup.date_due,
        } for followup in self])

    @api.multi
    def action_record_outcome(self, outcome, note=False):
        """Record the call: an issue opens a ticket, no answer plans a retry."""
        if outcome not in dict(OUTCOMES):
            raise UserError(_('Unknown follow-up outcome.'))
        for followup in self:
            if followup.state == 'done':
                raise UserError(_('Follow-up %s is already done.') % followup.name)
            vals = {'state': 'done', 'outcome': outcome, 'note': note or followup.note}
            if outcome == 'issue':
                ticket = self.env['helpdesk.ticket'].create({
                    'name': _('Issue found at follow-up: %s') % followup.order_id.name,
                    'partner_id': followup.partner_id.id,
                    'eco_order_id': followup.order_id.id,
                    'description': note or '',
                })
                vals['ticket_id'] = ticket.id
            followup.write(vals)
            followup.activity_ids.action_feedback(
                feedback=dict(self._fields['outcome']._description_selection(
                    self.env))[outcome])
            if outcome == 'no_answer':
                retry = followup.copy({
                    'name': _('%s (retry)') % followup.name,
                    'date_due': fields.Date.to_string(
                        fields.Date.from_string(fields.Date.context_today(self))
                        + timedelta(days=2)),
                    'retry_of_id': followup.id,
                    'state': 'planned', 'outcome': False,
                })
                retry._eco_plan_activities()
        return True

    @api.multi
    def action_satisfied(self):
        return self.action_record_outcome('satisfied')

    @api.multi
    def action_issue(self):
        return self.action_record_outcome('issue')

    @api.multi
    def action_no_answer(self):
        return self.action_record_outcome('no_answer')
