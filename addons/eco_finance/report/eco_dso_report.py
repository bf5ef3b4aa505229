# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Days to collect per salesperson and month (R5.3): for each validated customer
invoice, the days from its date to its last payment (or to today while open); the
average per group is the DSO of the salesperson in that month of invoicing."""
from odoo import fields, models, tools


class EcoDsoReport(models.Model):
    _name = 'eco.dso.report'
    _description = 'Days Sales Outstanding'
    _auto = False
    _order = 'date desc'

    invoice_id = fields.Many2one('account.invoice', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    date = fields.Date(string='Invoice Date', readonly=True)
    amount = fields.Float(string='Invoiced', readonly=True)
    residual = fields.Float(string='Open', readonly=True)
    days = fields.Float(string='Days to Collect (DSO)', readonly=True,
                        group_operator='avg')

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW eco_dso_report AS (
                SELECT inv.id AS id, inv.id AS invoice_id,
                       inv.commercial_partner_id AS partner_id, inv.user_id,
                       inv.company_id, inv.date_invoice AS date,
                       inv.amount_total_company_signed AS amount,
                       inv.residual_company_signed AS residual,
                       (COALESCE(CASE WHEN inv.state = 'paid' THEN pay.last_date END,
                                 CURRENT_DATE) - inv.date_invoice)::float AS days
                  FROM account_invoice inv
                  LEFT JOIN LATERAL (
                      SELECT MAX(cp.date) AS last_date
                        FROM account_move_line ml
                        JOIN account_partial_reconcile apr ON apr.debit_move_id = ml.id
                        JOIN account_move_line cp ON cp.id = apr.credit_move_id
                       WHERE ml.move_id = inv.move_id) pay ON TRUE
                 WHERE inv.type = 'out_invoice' AND inv.state IN ('open', 'paid')
                   AND inv.date_invoice IS NOT NULL
            )""")
