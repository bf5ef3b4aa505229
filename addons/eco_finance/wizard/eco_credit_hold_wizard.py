# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape


class EcoCreditHoldWizard(models.TransientModel):
    _name = 'eco.credit.hold.wizard'
    _description = 'Set or Lift a Credit Hold'

    partner_id = fields.Many2one('res.partner', required=True, ondelete='cascade')
    hold = fields.Boolean(string='On Credit Hold', default=True)
    reason = fields.Char(required=True)

    @api.multi
    def action_apply(self):
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id
        partner._eco_check_hold_rights()
        reason = (self.reason or '').strip()
        if not reason:
            raise UserError(_('Give the reason for the credit hold.'))
        if self.hold:
            partner.write({'eco_credit_hold': True, 'eco_credit_hold_reason': reason,
                           'eco_credit_hold_source': 'manual'})
            body = _('Credit hold set by %s: %s')
        else:
            partner.write({'eco_credit_hold': False, 'eco_credit_hold_reason': False})
            body = _('Credit hold lifted by %s: %s')
        # rights checked above: finance managers note the hold on the customer
        # without the right to edit contacts
        partner.sudo().message_post(
            body=body % (html_escape(self.env.user.name), html_escape(reason)),
            author_id=self.env.user.partner_id.id)
        return {'type': 'ir.actions.act_window_close'}
