# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# one row: when the stored rows were last brought up to date. A plain table,
# not an ir.config_parameter: setting a parameter clears the caches of every
# worker, and the stamp moves at each refresh (reports refresh before reading)
STAMP_TABLE = "eco_demand_analysis_data_stamp"


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
    product_uom_qty = fields.Float(string="Units Requested", readonly=True)

    @api.model_cr
    def init(self):
        self.env.cr.execute(
            "CREATE TABLE IF NOT EXISTS eco_demand_analysis_data_stamp "
            "(id integer PRIMARY KEY CHECK (id = 1), "
            "stamp timestamp without time zone NOT NULL)")

    @api.model
    def _get_stamp(self):
        """When the rows were last brought up to date (UTC string) or None."""
        self.env.cr.execute(
            "SELECT to_char(stamp, 'YYYY-MM-DD HH24:MI:SS') "
            "FROM eco_demand_analysis_data_stamp WHERE id = 1")
        row = self.env.cr.fetchone()
        return row and row[0]

    @api.model
    def _set_stamp(self, stamp):
        self.env.cr.execute(
            "INSERT INTO eco_demand_analysis_data_stamp (id, stamp) VALUES (1, %s) "
            "ON CONFLICT (id) DO UPDATE SET stamp = EXCLUDED.stamp", (stamp,))
