# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import sql

from odoo import api, fields, models, tools


class EcoAnalysisMixin(models.AbstractModel):
    """Common base of the SQL-view report models of eco_order (R7.3).

    A report model inherits this mixin, sets ``_auto = False`` and implements
    ``_query()`` (the SELECT of its view, code-defined SQL only: no user
    input ever reaches it), whose columns include the order dimensions below.
    ``init()`` (re)creates the view at each install / update of the add-on,
    after every table of the add-on exists, and creates the indexes listed by
    ``_index_definitions()``.
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

    @api.model_cr
    def init(self):
        if self._auto or self._abstract:
            return
        self._create_indexes()
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(sql.SQL("CREATE OR REPLACE VIEW {} AS ({})").format(
            sql.Identifier(self._table), sql.SQL(self._query())))
