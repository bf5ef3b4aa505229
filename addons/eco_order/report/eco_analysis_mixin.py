# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import sql

from odoo import api, fields, models, tools
from odoo.tools import OrderedSet


class EcoAnalysisMixin(models.AbstractModel):
    """Common base of the SQL-view report models of eco_order (R7.3).

    A report model inherits this mixin, sets ``_auto = False`` and implements
    ``_query()`` (the SELECT of its view, code-defined SQL only: no user
    input ever reaches it), whose columns include the order dimensions below.
    ``init()`` (re)creates the view at each install / update of the add-on,
    after every table of the add-on exists, and creates the indexes listed by
    ``_index_definitions()``.

    Grouped reads sort many2one groups in Python (``_read_group_raw``): the
    standard ``read_group`` joins the comodel to every row of the view to order
    the groups by its ``_order`` (e.g. product reference and name), which turns
    a hash aggregate over 1,000,000 lines into a sort of text columns on disk.
    """

    _name = "eco.analysis.mixin"
    _description = "Eco Order Analysis (SQL view base)"

    # dimensions every report of an order has
    order_id = fields.Many2one(comodel_name="sale.order", string="Order", readonly=True)
    team_id = fields.Many2one(
        comodel_name="crm.team", string="Sales Team", readonly=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Company", readonly=True)

    @api.model
    def _query(self):
        raise NotImplementedError()

    @api.model
    def _index_definitions(self):
        """Indexes the report relies on: list of (index name, table, columns)."""
        return []

    @api.model
    def _column_exists(self, table, column):
        self.env.cr.execute(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = %s AND column_name = %s",
            (table, column))
        return bool(self.env.cr.fetchone())

    @api.model
    def _create_indexes(self):
        for name, table, columns in self._index_definitions():
            if not all(self._column_exists(table, col) for col in columns):
                continue
            self.env.cr.execute(sql.SQL(
                "CREATE INDEX IF NOT EXISTS {} ON {} ({})").format(
                    sql.Identifier(name), sql.Identifier(table),
                    sql.SQL(", ").join(sql.Identifier(c) for c in columns)))

    # grouped reads: many2one groups sorted in Python ------------------------
    @api.model
    def _eco_group_order(self, orderby, groupby_list):
        """The order of a grouped read as ``[(groupby spec, descending)]`` when
        it orders only by grouped fields and one of them is a many2one (the
        case sorted in Python), else None."""
        specs = {}
        for spec in groupby_list:
            specs.setdefault(spec, spec)
            specs.setdefault(spec.split(":")[0], spec)
        order = []
        for part in (orderby or ",".join(groupby_list)).split(","):
            tokens = part.split()
            if not tokens:
                continue
            direction = tokens[1].lower() if len(tokens) > 1 else "asc"
            if (len(tokens) > 2 or direction not in ("asc", "desc")
                    or tokens[0] not in specs):
                return None
            order.append((specs[tokens[0]], direction == "desc"))
        if not any(self._fields[spec.split(":")[0]].type == "many2one"
                   for spec, _desc in order):
            return None
        return order

    @api.model
    def _eco_sort_groups(self, groups, order):
        """Sort ``groups`` (``_read_group_raw`` results) as PostgreSQL would:
        many2one values by the comodel's ``_order``, date ranges by date,
        empty values last in ascending order and first in descending order."""
        for spec, descending in reversed(order):
            groups.sort(key=self._eco_group_sort_key(groups, spec),
                        reverse=descending)
        return groups

    @api.model
    def _eco_group_sort_key(self, groups, spec):
        field = self._fields[spec.split(":")[0]]
        rank = {}
        if field.type == "many2one":
            ids = list({group[spec][0] for group in groups if group[spec]})
            comodel = self.env[field.comodel_name].sudo().with_context(
                active_test=False)
            rank = {rid: index for index, rid in enumerate(
                comodel.search([("id", "in", ids)]).ids)}

        def key(group):
            value = group[spec]
            if value is None or (value is False and field.type != "boolean"):
                return (1, 0)
            if field.type == "many2one":
                return (0, rank.get(value[0], len(rank)))
            if field.type in ("date", "datetime"):
                return (0, value[0])
            return (0, value)
        return key

    @api.model
    def _read_group_raw(self, domain, fields, groupby, offset=0, limit=None,
                        orderby=False, lazy=True):
        groupby_list = [groupby] if isinstance(groupby, str) else list(
            OrderedSet(groupby))
        order = self._eco_group_order(
            orderby, groupby_list[:1] if lazy else groupby_list)
        if order is None or limit or offset:
            return super(EcoAnalysisMixin, self)._read_group_raw(
                domain, fields, groupby, offset=offset, limit=limit,
                orderby=orderby, lazy=lazy)
        groups = super(EcoAnalysisMixin, self.with_context(
            eco_analysis_sort_groups=True))._read_group_raw(
                domain, fields, groupby, lazy=lazy)
        return self._eco_sort_groups(groups, order)

    @api.model
    def _read_group_prepare(self, orderby, aggregated_fields, annotated_groupbys,
                            query):
        if self.env.context.get("eco_analysis_sort_groups"):
            # sorted by _eco_sort_groups: group on the columns, order nothing
            return [gb["qualified_field"] for gb in annotated_groupbys], []
        return super(EcoAnalysisMixin, self)._read_group_prepare(
            orderby, aggregated_fields, annotated_groupbys, query)

    @api.model_cr
    def init(self):
        if self._auto or self._abstract:
            return
        self._create_indexes()
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(sql.SQL("CREATE OR REPLACE VIEW {} AS ({})").format(
            sql.Identifier(self._table), sql.SQL(self._query())))
