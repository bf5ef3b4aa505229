# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Credit hold of a customer (R5.3), on the commercial partner.

Set by the dunning level "phone call + credit hold" of the policy "Eco collection"
(source ``dunning``) or by a finance manager (source ``manual``). While set, the
customer's quotations can't be confirmed (``sale.order._eco_confirm_block_reasons``)
unless a finance manager overrides it for one order. A hold set by the dunning lifts
by itself when the customer has nothing overdue left once payments are reconciled.
"""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import html_escape

HOLD_FIELDS = ('eco_credit_hold', 'eco_credit_hold_reason', 'eco_credit_hold_date',
               'eco_credit_hold_source')


class ResPartner(models.Model):
    _inherit = 'res.partner'

    eco_credit_hold = fields.Boolean(
        string='Credit Hold', copy=False, track_visibility='onchange',
        help='While set, quotations of this customer cannot be confirmed unless a '
             'finance manager overrides the hold for the order.')
    eco_credit_hold_reason = fields.Char(
        string='Credit Hold Reason', copy=False, track_visibility='onchange')
    eco_credit_hold_date = fields.Date(string='Credit Hold Since', copy=False)
    eco_credit_hold_source = fields.Selection(
        [('manual', 'Finance Manager'), ('dunning', 'Dunning')],
        string='Credit Hold Set By', copy=False)

    @api.multi
    def write(self, vals):
        if not set(HOLD_FIELDS) & set(vals):
            return super(ResPartner, self).write(vals)
        self._eco_check_hold_rights()
        vals = dict(vals)
        if vals.get('eco_credit_hold'):
            vals.setdefault('eco_credit_hold_date', fields.Date.context_today(self))
            vals.setdefault('eco_credit_hold_source', 'manual')
        elif 'eco_credit_hold' in vals:
            vals.update(eco_credit_hold_date=False, eco_credit_hold_source=False)
        hold_vals = {key: vals.pop(key) for key in HOLD_FIELDS if key in vals}
        res = True
        if vals:
            res = super(ResPartner, self).write(vals)
        # finance managers set the hold without the right to edit contacts: the
        # rights were checked above and the user must be able to read the partners
        self.check_access_rule('read')
        super(ResPartner, self.sudo()).write(hold_vals)
        return res

    @api.model
    def create(self, vals):
        if vals.get('eco_credit_hold'):
            self._eco_check_hold_rights()
            vals.setdefault('eco_credit_hold_date', fields.Date.context_today(self))
            vals.setdefault('eco_credit_hold_source', 'manual')
        return super(ResPartner, self).create(vals)

    def _eco_check_hold_rights(self):
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(
                'account.group_account_manager'):
            raise AccessError(_('Only finance managers may set or lift a credit hold.'))

    @api.multi
    def _eco_set_credit_hold(self, reason, source='dunning'):
        """Put the commercial partners on hold (as superuser: called by the dunning
        run); partners already on hold keep their first reason and date."""
        partners = self.mapped('commercial_partner_id').filtered(
            lambda p: not p.eco_credit_hold)
        if partners:
            partners.sudo().write({
                'eco_credit_hold': True,
                'eco_credit_hold_reason': reason,
                'eco_credit_hold_source': source,
            })
        return partners

    @api.multi
    def _eco_overdue_partner_ids(self, date=None):
        """Ids of the commercial partners of ``self`` with an overdue open receivable
        (one query)."""
        if not self:
            return set()
        date = date or fields.Date.context_today(self)
        self.recompute()
        self.env.cr.execute("""
            SELECT DISTINCT p.commercial_partner_id
              FROM account_move_line aml
              JOIN account_account acc ON acc.id = aml.account_id
              JOIN account_account_type t ON t.id = acc.user_type_id
              JOIN res_partner p ON p.id = aml.partner_id
             WHERE t.type = 'receivable'
               AND NOT aml.reconciled
               AND aml.amount_residual > 0
               AND aml.date_maturity < %s
               AND p.commercial_partner_id IN %s
        """, (date, tuple(self.ids)))
        return {row[0] for row in self.env.cr.fetchall()}

    @api.multi
    def _eco_release_credit_hold_if_clear(self):
        """Lift the dunning holds of the customers that have nothing overdue left."""
        partners = self.mapped('commercial_partner_id').filtered(
            lambda p: p.eco_credit_hold and p.eco_credit_hold_source == 'dunning')
        if not partners:
            return partners
        self.env['account.move.line'].recompute()
        overdue = partners._eco_overdue_partner_ids()
        released = partners.filtered(lambda p: p.id not in overdue)
        if released:
            released.sudo().write({
                'eco_credit_hold': False, 'eco_credit_hold_reason': False})
            for partner in released:
                partner.sudo().message_post(body=html_escape(_(
                    'Credit hold lifted: nothing overdue remains after the payments '
                    'were reconciled.')))
        return released

    @api.multi
    def action_eco_credit_hold_wizard(self):
        self.ensure_one()
        self._eco_check_hold_rights()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Credit Hold'),
            'res_model': 'eco.credit.hold.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_partner_id': self.commercial_partner_id.id},
        }
