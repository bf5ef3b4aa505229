# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoOrderAnalysis(models.Model):
    """Order volume and intake speed (R7.3, R2.1): one row per order.

    Extension: an add-on that adds stored columns to ``sale.order`` (order
    type, business area, ...) declares the matching fields here and extends
    ``_select_extra()`` / ``_from_extra()``, e.g.::

        order_type_id = fields.Many2one("eco.order.type", readonly=True)

        def _select_extra(self):
            return super()._select_extra() + [
                "so.order_type_id AS order_type_id"]
    """

    _name = "eco.order.analysis"
    _inherit = "eco.analysis.mixin"
    _description = "Order Volume and Intake Speed Analysis"
    _auto = False
    _rec_name = "name"
    _order = "date desc, id desc"

    name = fields.Char(string="Order Reference", readonly=True)
    date = fields.Datetime(string="Received on", readonly=True)
    date_order = fields.Datetime(string="Order Date", readonly=True)
    confirmation_date = fields.Datetime(string="Confirmation Date", readonly=True)
    intake_channel = fields.Selection(
        selection="_selection_intake_channel", string="Channel", readonly=True)
    intake_state = fields.Selection(
        selection="_selection_intake_state", string="Intake Status", readonly=True)
    state = fields.Selection(
        selection="_selection_state", string="Order Status", readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Salesperson", readonly=True)
    commercial_partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer Company", readonly=True)
    amount_untaxed = fields.Float(string="Untaxed Amount", readonly=True)
    nbr = fields.Integer(string="# of Orders", readonly=True)
    responded_count = fields.Integer(string="# Responded", readonly=True)
    accepted_count = fields.Integer(string="# Accepted", readonly=True)
    confirmed_count = fields.Integer(string="# Confirmed", readonly=True)
    response_hours = fields.Float(
        string="Hours to First Response", readonly=True, group_operator="avg",
        help="Average time from receipt of the request to the first response "
             "(orders without a response are left out).")
    acceptance_hours = fields.Float(
        string="Hours to Acceptance", readonly=True, group_operator="avg",
        help="Average time from receipt of the request to the acceptance of "
             "its review (orders not accepted are left out).")

    @api.model
    def _selection_from_order(self, field_name):
        return self.env["sale.order"]._fields[field_name]._description_selection(
            self.env)

    @api.model
    def _selection_intake_channel(self):
        return self._selection_from_order("intake_channel")

    @api.model
    def _selection_intake_state(self):
        return self._selection_from_order("intake_state")

    @api.model
    def _selection_state(self):
        return self._selection_from_order("state")

    @api.model
    def _select_base(self):
        return [
            "so.id AS id",
            "so.id AS order_id",
            "so.name AS name",
            "COALESCE(so.intake_received_date, so.create_date) AS date",
            "so.date_order AS date_order",
            "so.confirmation_date AS confirmation_date",
            "so.intake_channel AS intake_channel",
            "so.intake_state AS intake_state",
            "so.state AS state",
            "so.team_id AS team_id",
            "so.user_id AS user_id",
            "so.partner_id AS partner_id",
            "rp.commercial_partner_id AS commercial_partner_id",
            "so.company_id AS company_id",
            "so.amount_untaxed AS amount_untaxed",
            "1 AS nbr",
            "CASE WHEN so.intake_first_response_date IS NULL THEN 0 ELSE 1 END"
            " AS responded_count",
            "CASE WHEN so.intake_accepted_date IS NULL THEN 0 ELSE 1 END"
            " AS accepted_count",
            "CASE WHEN so.state IN ('sale', 'done') THEN 1 ELSE 0 END"
            " AS confirmed_count",
            "EXTRACT(EPOCH FROM so.intake_first_response_date"
            " - COALESCE(so.intake_received_date, so.create_date)) / 3600.0"
            " AS response_hours",
            "EXTRACT(EPOCH FROM so.intake_accepted_date"
            " - COALESCE(so.intake_received_date, so.create_date)) / 3600.0"
            " AS acceptance_hours",
        ]

    @api.model
    def _select_extra(self):
        """Hook: extra ``expression AS column`` items (see class docstring)."""
        return []

    @api.model
    def _from_base(self):
        return ("sale_order so"
                " LEFT JOIN res_partner rp ON rp.id = so.partner_id")

    @api.model
    def _from_extra(self):
        """Hook: extra ``JOIN ...`` clauses."""
        return ""

    @api.model
    def _where(self):
        return ""

    @api.model
    def _query(self):
        query = "SELECT %s FROM %s %s" % (
            ", ".join(self._select_base() + self._select_extra()),
            self._from_base(), self._from_extra())
        where = self._where()
        if where:
            query += " WHERE " + where
        return query

    @api.model
    def _index_definitions(self):
        return [
            ("sale_order_intake_received_date_index", "sale_order",
             ["intake_received_date"]),
            ("sale_order_intake_channel_index", "sale_order", ["intake_channel"]),
        ]
