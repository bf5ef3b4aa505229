# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoDemandAnalysis(models.Model):
    """Customer demand trends (R7.3): one row per order line and requested
    environmental standard of its order (one row with no standard when the
    order requests none). Group by ``date:month`` for the month-over-month
    trend; a line whose order requests two standards counts once under each
    standard, so totals across standards count such lines more than once
    ("# of Lines (unique)" and "Quantity (unique)" do not).
    """

    _name = "eco.demand.analysis"
    _inherit = "eco.analysis.mixin"
    _description = "Customer Demand Trend Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Datetime(string="Requested on", readonly=True)
    order_line_id = fields.Many2one(
        comodel_name="sale.order.line", string="Order Line", readonly=True)
    product_id = fields.Many2one(
        comodel_name="product.product", string="Product", readonly=True)
    product_tmpl_id = fields.Many2one(
        comodel_name="product.template", string="Product Template", readonly=True)
    categ_id = fields.Many2one(
        comodel_name="product.category", string="Product Category", readonly=True)
    product_type = fields.Selection(
        selection="_selection_product_type", string="Product Type", readonly=True)
    standard_id = fields.Many2one(
        comodel_name="eco.environmental.standard", string="Environmental Standard",
        readonly=True)
    standard_medium = fields.Selection(
        selection="_selection_medium", string="Medium", readonly=True)
    commercial_partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer Company", readonly=True)
    intake_channel = fields.Selection(
        selection="_selection_intake_channel", string="Channel", readonly=True)
    state = fields.Selection(
        selection="_selection_state", string="Order Status", readonly=True)
    product_uom_qty = fields.Float(string="Quantity", readonly=True)
    nbr = fields.Integer(string="# of Lines", readonly=True)
    unique_qty = fields.Float(
        string="Quantity (unique)", readonly=True,
        help="Quantity counted once per order line (shared out among the "
             "standards of its order).")
    unique_nbr = fields.Float(
        string="# of Lines (unique)", readonly=True,
        help="Order lines counted once (shared out among the standards of its "
             "order).")

    @api.model
    def _selection_intake_channel(self):
        return self.env["sale.order"]._fields[
            "intake_channel"]._description_selection(self.env)

    @api.model
    def _selection_state(self):
        return self.env["sale.order"]._fields["state"]._description_selection(self.env)

    @api.model
    def _selection_product_type(self):
        return self.env["product.template"]._fields["type"]._description_selection(
            self.env)

    @api.model
    def _selection_medium(self):
        return self.env["eco.environmental.standard"]._fields[
            "medium"]._description_selection(self.env)

    @api.model
    def _query(self):
        field = self.env["sale.order"]._fields["intake_standard_ids"]
        # relation table and column names come from the field definition
        rel = {"rel": field.relation, "col_order": field.column1,
               "col_std": field.column2}
        # LEFT JOINs on primary keys: PostgreSQL drops the joins a grouping
        # does not use (required columns, so no row is lost)
        return """
            SELECT
                l.id::bigint * 100000 + COALESCE(rel.std_id, 0) AS id,
                COALESCE(so.intake_received_date, so.create_date) AS date,
                so.id AS order_id,
                l.id AS order_line_id,
                l.product_id AS product_id,
                pt.id AS product_tmpl_id,
                pt.categ_id AS categ_id,
                pt.type AS product_type,
                rel.std_id AS standard_id,
                std.medium AS standard_medium,
                so.partner_id AS partner_id,
                rp.commercial_partner_id AS commercial_partner_id,
                so.intake_channel AS intake_channel,
                so.state AS state,
                so.team_id AS team_id,
                so.company_id AS company_id,
                l.product_uom_qty AS product_uom_qty,
                1 AS nbr,
                l.product_uom_qty / COALESCE(cnt.nb, 1) AS unique_qty,
                1.0 / COALESCE(cnt.nb, 1) AS unique_nbr
            FROM sale_order_line l
            JOIN sale_order so ON so.id = l.order_id
            LEFT JOIN res_partner rp ON rp.id = so.partner_id
            LEFT JOIN product_product pp ON pp.id = l.product_id
            LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
            LEFT JOIN (SELECT {col_order} AS order_id, {col_std} AS std_id
                       FROM {rel}) rel ON rel.order_id = so.id
            LEFT JOIN eco_environmental_standard std ON std.id = rel.std_id
            LEFT JOIN (SELECT {col_order} AS order_id, count(*) AS nb
                       FROM {rel} GROUP BY {col_order}) cnt
                ON cnt.order_id = so.id
        """.format(**rel)

    @api.model
    def _index_definitions(self):
        return [
            ("sale_order_line_product_id_index", "sale_order_line", ["product_id"]),
        ]
