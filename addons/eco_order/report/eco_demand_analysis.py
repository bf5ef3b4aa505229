# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import sql

from odoo import api, fields, models

from ..models.eco_deadline_mixin import run_batches, try_advisory_xact_lock
from .eco_demand_analysis_data import STAMP_TABLE

# advisory lock taken by every refresh of the stored rows
REFRESH_LOCK_KEY = 7304120001


class EcoDemandAnalysis(models.Model):
    """Customer demand trends (R7.3): one row per order line and requested
    environmental standard of its order (one row with no standard when the
    order requests none). Group by ``date:month`` for the month-over-month
    trend. Grouped by standard, a line counts once under each standard its
    order requests (and under no standard when it requests none): the units
    requested per standard. Grouped by product, category or month without
    the standard, each line counts once per standard row: group by the
    standard (or filter one) to read units.

    The order-line figures are stored (``eco.demand.analysis.data``) and
    brought up to date by ``_refresh_data()`` for the orders changed since
    the last refresh: every hour by a scheduled action, at each update of the
    add-on and on demand (menu *Refresh Customer Demand Trends* of the
    managers). The report reads the stored rows of the orders unchanged
    since and computes those of the changed orders live, so it is always
    current and its read path writes and locks nothing (concurrent readers
    never wait on each other or on a refresh); product, category, standard
    and customer-company columns are joined live.
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
    product_uom_qty = fields.Float(
        string="Units Requested", readonly=True,
        help="Quantity of the order line, in its unit of measure, counted under "
             "each standard its order requests.")
    nbr = fields.Integer(string="# of Order Lines", readonly=True)

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
        Data = self.env["eco.demand.analysis.data"]
        field = self.env["sale.order"]._fields["intake_standard_ids"]
        names = {
            "data": Data._table, "stamp": STAMP_TABLE, "rel": field.relation,
            "col_order": field.column1, "col_std": field.column2,
        }
        # stored rows (see _refresh_data) of the orders unchanged since the
        # last refresh, live rows of the orders changed since (the same
        # SELECT as the refresh: few orders, indexed on write_date), all live
        # when nothing is stored; then the live dimensions (LEFT JOINs on
        # primary keys, which PostgreSQL drops when a grouping does not use
        # them). Reading writes and locks nothing. Live rows have negative ids.
        return """
            WITH st AS (
                SELECT CASE WHEN EXISTS (SELECT 1 FROM {data})
                    THEN (SELECT stamp FROM {stamp} WHERE id = 1) END AS stamp
            ), changed AS (
                SELECT so.id FROM sale_order so, st
                WHERE st.stamp IS NULL OR so.write_date >= st.stamp
                UNION
                SELECT l.order_id FROM sale_order_line l, st
                WHERE st.stamp IS NOT NULL AND l.write_date >= st.stamp
            ), rows AS (
                SELECT d.id::bigint AS id, d.date, d.order_id, d.order_line_id,
                    d.product_id, d.standard_id, d.partner_id, d.intake_channel,
                    d.state, d.team_id, d.company_id, d.product_uom_qty
                FROM {data} d
                WHERE d.order_id NOT IN (SELECT id FROM changed)
                UNION ALL
                SELECT -(l.id::bigint * 1000000 + COALESCE(rel.{col_std}, 0)),
                    COALESCE(so.intake_received_date, so.create_date), so.id, l.id,
                    l.product_id, rel.{col_std}, so.partner_id, so.intake_channel,
                    so.state, so.team_id, so.company_id, l.product_uom_qty
                FROM sale_order_line l
                JOIN sale_order so ON so.id = l.order_id
                LEFT JOIN {rel} rel ON rel.{col_order} = so.id
                WHERE so.id IN (SELECT id FROM changed)
            )
            SELECT
                d.id AS id,
                d.date AS date,
                d.order_id AS order_id,
                d.order_line_id AS order_line_id,
                d.product_id AS product_id,
                pt.id AS product_tmpl_id,
                pt.categ_id AS categ_id,
                pt.type AS product_type,
                d.standard_id AS standard_id,
                std.medium AS standard_medium,
                d.partner_id AS partner_id,
                rp.commercial_partner_id AS commercial_partner_id,
                d.intake_channel AS intake_channel,
                d.state AS state,
                d.team_id AS team_id,
                d.company_id AS company_id,
                d.product_uom_qty AS product_uom_qty,
                1 AS nbr
            FROM rows d
            LEFT JOIN res_partner rp ON rp.id = d.partner_id
            LEFT JOIN product_product pp ON pp.id = d.product_id
            LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
            LEFT JOIN eco_environmental_standard std ON std.id = d.standard_id
        """.format(**names)

    @api.model
    def _index_definitions(self):
        return [
            ("sale_order_line_product_id_index", "sale_order_line", ["product_id"]),
            # orders changed since the last refresh of the stored rows
            ("sale_order_write_date_index", "sale_order", ["write_date"]),
            ("sale_order_line_write_date_index", "sale_order_line", ["write_date"]),
        ]

    @api.model
    def _data_query(self, where):
        """INSERT of the stored rows of the orders selected by ``where`` (a
        constant ``sql.SQL`` condition on ``so``, possibly empty)."""
        field = self.env["sale.order"]._fields["intake_standard_ids"]
        rel = {
            "data": sql.Identifier(self.env["eco.demand.analysis.data"]._table),
            "rel": sql.Identifier(field.relation),
            "col_order": sql.Identifier(field.column1),
            "col_std": sql.Identifier(field.column2),
            "where": sql.SQL("WHERE ") + where if where.string else where,
        }
        return sql.SQL("""
            INSERT INTO {data} (
                order_line_id, order_id, date, product_id, standard_id,
                partner_id, intake_channel, state, team_id, company_id,
                product_uom_qty)
            SELECT
                l.id, so.id, COALESCE(so.intake_received_date, so.create_date),
                l.product_id, rel.{col_std}, so.partner_id, so.intake_channel,
                so.state, so.team_id, so.company_id, l.product_uom_qty
            FROM sale_order_line l
            JOIN sale_order so ON so.id = l.order_id
            LEFT JOIN {rel} rel ON rel.{col_order} = so.id
            {where}
        """).format(**rel)

    @api.model
    def _changed_order_ids(self, since):
        """Orders whose stored rows may differ from their live figures: the
        order or one of its lines written since ``since`` (indexed; lines
        deleted take their rows with them, a deleted environmental standard
        refreshes its orders at once: ``_refresh_orders``)."""
        self.env.cr.execute("""
            SELECT id FROM sale_order WHERE write_date >= %(since)s
            UNION
            SELECT order_id FROM sale_order_line WHERE write_date >= %(since)s
        """, {"since": since})
        return sorted(row[0] for row in self.env.cr.fetchall())

    @api.model
    def _refresh_data(self, full=False, batch_size=5000):
        """Bring the stored rows up to date: all of them at the first run, when
        none is stored or with ``full``; else those of the orders changed
        since the last run, ``batch_size`` orders per statement. Returns the
        number of orders refreshed (None for all)."""
        cr = self.env.cr
        Data = self.env["eco.demand.analysis.data"]
        data = sql.Identifier(Data._table)
        # one refresh at a time (a second one waits, then sees the rows of the
        # first); reports keep reading meanwhile
        cr.execute("SELECT pg_advisory_xact_lock(%s)", (REFRESH_LOCK_KEY,))
        cr.execute(sql.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(data))
        # the oldest transaction still open: what it writes is dated earlier
        # (write_date is the start of its transaction) but not visible yet
        cr.execute("""
            SELECT to_char(date_trunc('second', LEAST(now(), min(xact_start))
                AT TIME ZONE 'UTC'), 'YYYY-MM-DD HH24:MI:SS')
            FROM pg_stat_activity WHERE datname = current_database()
        """)
        stamp = cr.fetchone()[0]
        since = Data._get_stamp()
        if since and not full:
            # emptied (reinstalled, restored): the stamp no longer applies
            cr.execute(sql.SQL("SELECT 1 FROM {} LIMIT 1").format(data))
            full = not cr.fetchone()
        count = None
        if full or not since:
            cr.execute(sql.SQL("TRUNCATE {}").format(data))
            cr.execute(self._data_query(sql.SQL("")))
        else:
            order_ids = self._changed_order_ids(since)
            count = len(order_ids)
            self._refresh_orders(order_ids, batch_size)
        if count != 0 or since != stamp:
            Data._set_stamp(stamp)
        return count

    @api.model
    def _refresh_orders(self, order_ids, batch_size=5000):
        """Rewrite the stored rows of the orders ``order_ids``, ``batch_size``
        orders per statement."""
        cr = self.env.cr
        data = sql.Identifier(self.env["eco.demand.analysis.data"]._table)
        cr.execute("SELECT pg_advisory_xact_lock(%s)", (REFRESH_LOCK_KEY,))
        for start in range(0, len(order_ids), batch_size):
            batch = list(order_ids[start:start + batch_size])
            # a concurrent refresh (serialization failure) is the caller's to
            # handle, not an ERROR line (the cron leaves the work to it)
            cr.execute(sql.SQL("DELETE FROM {} WHERE order_id = ANY(%s)").format(
                data), (batch,), log_exceptions=False)
            cr.execute(self._data_query(sql.SQL("so.id = ANY(%(order_ids)s)")),
                       {"order_ids": batch})

    @api.model
    def _last_refresh(self):
        """When the stored rows were last brought up to date (UTC string)."""
        return self.env["eco.demand.analysis.data"].sudo()._get_stamp()

    @api.model
    def _cron_refresh_data(self):
        """Scheduled refresh, in a transaction of its own (``run_batches``):
        left to a refresh already running in another worker."""
        run_batches(self, "_refresh_data_unless_running", [None])

    @api.model
    def _refresh_data_unless_running(self, _batch=None):
        """Refresh unless another transaction is refreshing (its result is
        what this one would write); returns 0."""
        if try_advisory_xact_lock(self.env.cr, REFRESH_LOCK_KEY):
            self._refresh_data()
        return 0

    @api.model
    def action_refresh_data(self):
        """Refresh button (order managers): update the figures now and show
        the report."""
        # who may read the report (order managers) may refresh it
        self.check_access_rights("read")
        self.sudo()._refresh_data()
        return self.env.ref("eco_order.eco_demand_analysis_action").read()[0]

    @api.model_cr
    def init(self):
        super(EcoDemandAnalysis, self).init()
        # the stamp table of the stored rows exists before the first refresh
        self.env["eco.demand.analysis.data"].init()
        self._refresh_data()
