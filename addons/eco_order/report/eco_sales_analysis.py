# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoSalesAnalysis(models.Model):
    """Product and service sales (R7.3): one row per line of a confirmed order.

    Quantities are in the product's unit of measure. The unit cost is the
    product's cost (``standard_price``, a company-dependent property stored in
    ``ir_property``) in the order's company; lines whose product has no cost
    recorded have ``cost_known`` false and a cost of 0. Revenue is the untaxed
    line subtotal in the order's currency (single-currency companies).
    """

    _name = "eco.sales.analysis"
    _inherit = "eco.analysis.mixin"
    _description = "Product and Service Sales Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Datetime(string="Confirmation Date", readonly=True)
    order_line_id = fields.Many2one(
        comodel_name="sale.order.line", string="Order Line", readonly=True)
    state = fields.Selection(
        selection="_selection_state", string="Order Status", readonly=True)
    product_id = fields.Many2one(
        comodel_name="product.product", string="Product", readonly=True)
    product_tmpl_id = fields.Many2one(
        comodel_name="product.template", string="Product Template", readonly=True)
    categ_id = fields.Many2one(
        comodel_name="product.category", string="Product Category", readonly=True)
    product_type = fields.Selection(
        selection="_selection_product_type", string="Product Type", readonly=True)
    is_service = fields.Boolean(string="Service", readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Salesperson", readonly=True)
    product_qty = fields.Float(
        string="Quantity", readonly=True,
        help="In the product's unit of measure.")
    revenue = fields.Float(string="Revenue", readonly=True)
    # not stored: shown on the rows, no measure (an average of unit costs of
    # different products means nothing)
    unit_cost = fields.Float(
        string="Unit Cost", compute="_compute_unit_cost", readonly=True)
    cost = fields.Float(string="Cost", readonly=True)
    margin = fields.Float(string="Margin", readonly=True)
    cost_known = fields.Boolean(string="Cost Known", readonly=True)
    nbr = fields.Integer(string="# of Lines", readonly=True)

    @api.depends("cost", "product_qty")
    def _compute_unit_cost(self):
        for row in self:
            row.unit_cost = row.cost / row.product_qty if row.product_qty else 0.0

    @api.model
    def _selection_state(self):
        return self.env["sale.order"]._fields["state"]._description_selection(self.env)

    @api.model
    def _selection_product_type(self):
        return self.env["product.template"]._fields["type"]._description_selection(
            self.env)

    @api.model
    def _query(self):
        return """
            SELECT
                l.id AS id,
                COALESCE(so.confirmation_date, so.date_order) AS date,
                so.id AS order_id,
                l.id AS order_line_id,
                so.state AS state,
                l.product_id AS product_id,
                pt.id AS product_tmpl_id,
                pt.categ_id AS categ_id,
                pt.type AS product_type,
                pt.type = 'service' AS is_service,
                so.partner_id AS partner_id,
                so.team_id AS team_id,
                so.user_id AS user_id,
                so.company_id AS company_id,
                l.product_uom_qty / u.factor * u2.factor AS product_qty,
                l.price_subtotal AS revenue,
                COALESCE(cost.value_float, 0.0)
                    * (l.product_uom_qty / u.factor * u2.factor) AS cost,
                l.price_subtotal - COALESCE(cost.value_float, 0.0)
                    * (l.product_uom_qty / u.factor * u2.factor) AS margin,
                cost.id IS NOT NULL AS cost_known,
                1 AS nbr
            FROM sale_order_line l
            JOIN sale_order so ON so.id = l.order_id
            LEFT JOIN product_product pp ON pp.id = l.product_id
            LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
            LEFT JOIN product_uom u ON u.id = l.product_uom
            LEFT JOIN product_uom u2 ON u2.id = pt.uom_id
            LEFT JOIN (
                -- one cost per product and company, joined on integers
                SELECT DISTINCT ON (c.product_id, c.company_id)
                    c.id, c.product_id, c.company_id, c.value_float
                FROM (
                    SELECT p.id, p.company_id, p.value_float,
                        substr(p.res_id, 17)::integer AS product_id
                    FROM ir_property p
                    JOIN ir_model_fields f ON f.id = p.fields_id
                    WHERE f.model = 'product.product'
                        AND f.name = 'standard_price'
                        AND p.res_id LIKE 'product.product,%'
                ) c
                ORDER BY c.product_id, c.company_id, c.id DESC
            ) cost ON cost.product_id = l.product_id
                AND cost.company_id = so.company_id
            WHERE so.state IN ('sale', 'done')
        """
