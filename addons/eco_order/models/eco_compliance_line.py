# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import api, fields, models

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

    # auto_join: the confidentiality rules read the order's stored level
    # in a join, not in a sub-search returning every order's id
    order_id = fields.Many2one(
        comodel_name="sale.order", string="Order", required=True, index=True,
        ondelete="cascade", readonly=True,
        auto_join=True)
    clause_id = fields.Many2one(
        comodel_name="eco.compliance.clause", string="Clause", required=True,
        index=True, ondelete="cascade", readonly=True)
    code = fields.Char(related="clause_id.code", readonly=True)
    result = fields.Selection(
        selection=COMPLIANCE_RESULTS, required=True, readonly=True, index=True)
    note_data = fields.Text(
        string="Note Data", readonly=True,
        help="Technical: the note as the English message and its arguments "
             "(JSON), see sale_order_compliance.py.")
    note = fields.Char(
        compute="_compute_note", readonly=True,
        help="The note in the language of the reader.")
    computed_date = fields.Datetime(string="Checked on", required=True, readonly=True)
    partner_id = fields.Many2one(related="order_id.partner_id", readonly=True)
    team_id = fields.Many2one(related="order_id.team_id", readonly=True)
    user_id = fields.Many2one(related="order_id.user_id", readonly=True)
    company_id = fields.Many2one(related="order_id.company_id", readonly=True)

    _sql_constraints = [
        ("order_clause_uniq", "unique(order_id, clause_id)",
         "An order has one result per clause."),
    ]

    @api.depends("note_data")
    def _compute_note(self):
        lang = self.env.lang or "en_US"
        for line in self:
            line.note = line._eco_render_note(line.note_data, lang)

    @api.model
    def _eco_translate(self, source, lang):
        if not source or lang == "en_US":
            return source
        return self.env["ir.translation"]._get_source(
            None, ("code",), lang, source) or source

    @api.model
    def _eco_render_note(self, note_data, lang):
        """The note ``note_data`` (JSON ``[message, args]``) in ``lang``."""
        if not note_data:
            return ""
        try:
            message, args = json.loads(note_data)
        except (TypeError, ValueError):
            return note_data
        text = self._eco_translate(message, lang)
        if args is None:
            return text
        values = tuple(self._eco_render_arg(arg, lang) for arg in args)
        for pattern in (text, message):
            try:
                return pattern % values
            except (TypeError, ValueError):
                continue
        return message

    @api.model
    def _eco_render_arg(self, arg, lang):
        if not isinstance(arg, dict):
            return arg
        if "tr" in arg:
            return self._eco_translate(arg["tr"], lang)
        if "sel" in arg:
            model, field, value = arg["sel"]
            env = self.with_context(lang=lang).env
            labels = dict(env[model]._fields[field]._description_selection(env))
            return labels.get(value, value or "")
        if "join" in arg:
            return ", ".join(
                "%s" % self._eco_render_arg(item, lang) for item in arg["join"])
        return ""
