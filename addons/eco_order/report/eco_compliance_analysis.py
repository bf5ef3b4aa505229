# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.eco_compliance_line import COMPLIANCE_RESULTS


class EcoComplianceAnalysis(models.Model):
    """Company-wide compliance rates (by clause, team, salesperson, month)
    over the compliance lines of the orders. ``rate`` is met / applicable
    (results other than "not applicable") in percent."""

    _name = "eco.compliance.analysis"
    _inherit = "eco.analysis.mixin"
    _description = "Regulation Compliance Analysis"
    _auto = False
    _order = "date desc"

    line_id = fields.Many2one(
        comodel_name="eco.compliance.line", string="Compliance Line", readonly=True)
    clause_id = fields.Many2one(
        comodel_name="eco.compliance.clause", string="Clause", readonly=True)
    result = fields.Selection(selection=COMPLIANCE_RESULTS, readonly=True)
    date = fields.Datetime(string="Order Date", readonly=True)
    computed_date = fields.Datetime(string="Checked on", readonly=True)
    state = fields.Selection(
        selection="_selection_state", string="Order Status", readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Salesperson", readonly=True)
    nbr = fields.Integer(string="# of Checks", readonly=True)
    applicable_count = fields.Integer(string="# Applicable", readonly=True)
    met_count = fields.Integer(string="# Met", readonly=True)
    late_count = fields.Integer(string="# Late", readonly=True)
    missing_count = fields.Integer(string="# Missing", readonly=True)
    rate = fields.Float(
        string="Compliance Rate (%)", readonly=True, group_operator="avg",
        help="Met checks among the applicable ones.")

    @api.model
    def _selection_state(self):
        return self.env["sale.order"]._fields["state"]._description_selection(self.env)

    @api.model
    def _query(self):
        return """
            SELECT
                l.id AS id,
                l.id AS line_id,
                l.clause_id AS clause_id,
                l.order_id AS order_id,
                l.result AS result,
                so.date_order AS date,
                l.computed_date AS computed_date,
                so.state AS state,
                so.team_id AS team_id,
                so.user_id AS user_id,
                so.partner_id AS partner_id,
                so.company_id AS company_id,
                1 AS nbr,
                CASE WHEN l.result = 'na' THEN 0 ELSE 1 END AS applicable_count,
                CASE WHEN l.result = 'met' THEN 1 ELSE 0 END AS met_count,
                CASE WHEN l.result = 'late' THEN 1 ELSE 0 END AS late_count,
                CASE WHEN l.result = 'missing' THEN 1 ELSE 0 END AS missing_count,
                CASE
                    WHEN l.result = 'na' THEN NULL
                    WHEN l.result = 'met' THEN 100.0
                    ELSE 0.0
                END AS rate
            FROM eco_compliance_line l
            JOIN eco_compliance_clause c ON c.id = l.clause_id
            JOIN sale_order so ON so.id = l.order_id
            WHERE c.active
        """
