# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class EcoIntakeClarify(models.TransientModel):
    """Ask the customer about an incomplete or doubtful request (R2.2)."""
    _name = 'eco.intake.clarify'
    _description = 'Clarify Order Request with Customer'

    def _default_deadline(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        return fields.Date.to_string(today + timedelta(days=2))

    order_id = fields.Many2one(
        comodel_name='sale.order', string='Order', required=True, ondelete='cascade')
    partner_id = fields.Many2one(
        related='order_id.partner_id', string='Customer', readonly=True)
    missing = fields.Text(related='order_id.intake_missing', readonly=True)
    body = fields.Html(
        string='Message to the Customer', required=True,
        help='Sent to the customer and logged on the order.')
    deadline = fields.Date(
        string='Follow-up Deadline', required=True, default=_default_deadline)
    user_id = fields.Many2one(
        comodel_name='res.users', string='Follow-up By', required=True,
        default=lambda self: self.env.user)
    summary = fields.Char(string='Follow-up Summary')

    @api.onchange('order_id')
    def _onchange_order_id(self):
        if self.order_id.intake_missing and not self.body:
            self.body = '<p>%s</p><ul>%s</ul>' % (
                _('To process your order request we still need:'),
                ''.join('<li>%s</li>' % line
                        for line in self.order_id.intake_missing.splitlines()))

    @api.multi
    def action_send(self):
        self.ensure_one()
        if not self.order_id.partner_id:
            raise UserError(_('The order has no customer to contact.'))
        self.order_id._eco_intake_clarify(
            self.body, self.deadline, self.user_id, summary=self.summary)
        return {'type': 'ir.actions.act_window_close'}
