# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

COMPLIANCE_RESULTS = [
    ("met", "Met"),
    ("late", "Late"),
    ("missing", "Missing"),
    ("na", "Not applicable"),
]


class EcoComplianceLine(models.Model):
    """Result of one regulation clause for one order (read-only for users:
    written only by ``sale.order._eco_compliance_compute()``)."""

    _name = "eco.compliance.line"
    _description = "Order Compliance Result"
    # a many2one orders by the comodel's _order: the clause sequence
    _order = "order_id desc, clause_id, id"
    _rec_name = "clause_id"

    order_id = fields.Many2one(
        comodel_name="sale.order", string="Order", required=True, index=True,
        ondelete="cascade", readonly=True)
    clause_id = fields.Many2one(
        comodel_name="eco.compliance.clause", string="Clause", required=True,
        index=True, ondelete="cascade", readonly=True)
    code = fields.Char(related="clause_id.code", readonly=True)
    result = fields.Selection(
        selection=COMPLIANCE_RESULTS, required=True, readonly=True, index=True)
    note = fields.Char(readonly=True)
    computed_date = fields.Datetime(string="Checked on", required=True, readonly=True)
    partner_id = fields.Many2one(related="order_id.partner_id", readonly=True)
    team_id = fields.Many2one(related="order_id.team_id", readonly=True)
    user_id = fields.Many2one(related="order_id.user_id", readonly=True)
    company_id = fields.Many2one(related="order_id.company_id", readonly=True)

    _sql_constraints = [
        ("order_clause_uniq", "unique(order_id, clause_id)",
         "An order has one result per clause."),
    ]
