# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CreditControlPolicy(models.Model):
    _inherit = 'credit.control.policy'

    eco_auto_run = fields.Boolean(
        string='Daily Run',
        help='Run this policy every day (scheduled action "Eco Finance: dunning '
             'run") and carry out the automatic actions of its levels.')

    @api.model
    def _eco_setup_default_policy(self):
        """Install step: the policy "Eco collection" follows the receivable accounts
        and is the default policy of the companies that have none."""
        policy = self.env.ref('eco_finance.credit_control_policy_eco',
                              raise_if_not_found=False)
        if not policy:
            return
        if not policy.account_ids:
            accounts = self.env['account.account'].search(
                [('internal_type', '=', 'receivable')])
            if accounts:
                policy.account_ids = [(6, 0, accounts.ids)]
        # companies without a policy, or with one of account_credit_control's
        # sample policies, follow "Eco collection"
        samples = self.env['ir.model.data'].search([
            ('module', '=', 'account_credit_control'),
            ('model', '=', 'credit.control.policy')]).mapped('res_id')
        self.env['res.company'].search(
            ['|', ('credit_policy_id', '=', False),
             ('credit_policy_id', 'in', samples)]).write(
                 {'credit_policy_id': policy.id})
