# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AccountMoveLine(models.Model):
    _inherit = 'account.move.line'

    eco_dunning_date = fields.Date(
        string='Last Dunning Run', readonly=True, copy=False,
        help='Date of the last dunning run that made a credit control line for this '
             'receivable (a stamp that keeps two concurrent runs from repeating it).')

    @api.multi
    def reconcile(self, writeoff_acc_id=False, writeoff_journal_id=False):
        res = super(AccountMoveLine, self).reconcile(
            writeoff_acc_id=writeoff_acc_id, writeoff_journal_id=writeoff_journal_id)
        partners = self.mapped('partner_id.commercial_partner_id').filtered(
            'eco_credit_hold')
        if partners:
            partners._eco_release_credit_hold_if_clear()
        return res
