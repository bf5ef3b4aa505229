# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Receivables aging by customer and salesperson (R5.3): open receivable lines of
customer invoices, in buckets of days overdue (at the time of reading)."""
from odoo import fields, models, tools

BUCKETS = [
    ('not_due', 'Not Due'),
    ('1_30', '1-30 Days'),
    ('31_60', '31-60 Days'),
    ('61_90', '61-90 Days'),
    ('over_90', 'Over 90 Days'),
]


class EcoAgingReport(models.Model):
    _name = 'eco.aging.report'
    _description = 'Receivables Aging'
    _auto = False
    _order = 'days_overdue desc'

    invoice_id = fields.Many2one('account.invoice', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    date_due = fields.Date(readonly=True)
    days_overdue = fields.Integer(readonly=True, group_operator='max')
    bucket = fields.Selection(BUCKETS, readonly=True)
    residual = fields.Float(string='Open Amount', readonly=True)
    credit_hold = fields.Boolean(string='On Credit Hold', readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW eco_aging_report AS (
                SELECT aml.id AS id, aml.invoice_id,
                       p.commercial_partner_id AS partner_id,
                       inv.user_id, aml.company_id, aml.date_maturity AS date_due,
                       GREATEST(CURRENT_DATE - aml.date_maturity, 0) AS days_overdue,
                       CASE WHEN aml.date_maturity >= CURRENT_DATE THEN 'not_due'
                            WHEN CURRENT_DATE - aml.date_maturity <= 30 THEN '1_30'
                            WHEN CURRENT_DATE - aml.date_maturity <= 60 THEN '31_60'
                            WHEN CURRENT_DATE - aml.date_maturity <= 90 THEN '61_90'
                            ELSE 'over_90' END AS bucket,
                       aml.amount_residual AS residual,
                       COALESCE(cp.eco_credit_hold, FALSE) AS credit_hold
                  FROM account_move_line aml
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN account_account_type t ON t.id = acc.user_type_id
                  JOIN res_partner p ON p.id = aml.partner_id
                  JOIN res_partner cp ON cp.id = p.commercial_partner_id
                  LEFT JOIN account_invoice inv ON inv.id = aml.invoice_id
                 WHERE t.type = 'receivable' AND NOT aml.reconciled
                   AND aml.amount_residual > 0
            )""")
