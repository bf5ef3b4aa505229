# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoDemandAnalysisData(models.Model):
    """Stored rows of the customer demand analysis (R7.3): one row per order
    line and requested environmental standard of its order, with the order
    columns the report groups on. Written only by
    ``eco.demand.analysis._refresh_data()`` (plain SQL, in batches of
    orders); read through the ``eco.demand.analysis`` view, which joins the
    product, standard and customer columns live.

    Joining 1,000,000 order lines to their orders at every pivot read takes
    seconds; scanning this narrow table takes a fraction of a second. Not
    readable by order managers (rows of every company): they read the view,
    whose company rule applies.
    """

    _name = "eco.demand.analysis.data"
    _description = "Customer Demand Trend Analysis"
    _log_access = False
    _order = "id"

    # deleting a line (or its order) deletes its rows: no stale figures
    order_line_id = fields.Many2one(
        comodel_name="sale.order.line", string="Order Line", required=True,
        index=True, ondelete="cascade", readonly=True)
    # plain integers: no foreign key to check per row when refreshing
    order_id = fields.Integer(string="Order", index=True, readonly=True)
    date = fields.Datetime(string="Requested on", readonly=True)
    product_id = fields.Integer(string="Product", readonly=True)
    standard_id = fields.Integer(string="Environmental Standard", readonly=True)
    partner_id = fields.Integer(string="Customer", readonly=True)
    intake_channel = fields.Char(string="Channel", readonly=True)
    state = fields.Char(string="Order Status", readonly=True)
    team_id = fields.Integer(string="Sales Team", readonly=True)
    company_id = fields.Integer(string="Company", readonly=True)
    product_uom_qty = fields.Float(string="Quantity", readonly=True)
    unique_qty = fields.Float(string="Quantity (unique)", readonly=True)
    unique_nbr = fields.Float(string="# of Lines (unique)", readonly=True)
