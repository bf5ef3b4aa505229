# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EcoComplianceClause(models.Model):
    """A checkable clause of the order-processing regulation.

    Each clause has a technical ``key``; the order model evaluates it with
    ``sale.order._eco_compliance_<key>()``, which receives a recordset of
    orders and returns ``{order_id: (result, note)}`` with a result of
    :data:`COMPLIANCE_RESULTS`. Another add-on adds a clause with a data
    record of this model and that method on ``sale.order``.
    """

    _name = "eco.compliance.clause"
    _description = "Regulation Clause (compliance check)"
    _order = "sequence, code, id"

    code = fields.Char(
        string="Clause", required=True, help="Regulation section, e.g. R2.1.")
    name = fields.Char(string="Check", required=True, translate=True)
    description = fields.Text(translate=True)
    key = fields.Char(
        string="Technical Key", required=True,
        help="Evaluated by the method sale.order._eco_compliance_<key>().")
    model = fields.Char(string="Model", required=True, default="sale.order")
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    implemented = fields.Boolean(
        compute="_compute_implemented",
        help="A method evaluates this clause in the installed add-ons.")

    _sql_constraints = [
        ("key_uniq", "unique(key)", "The technical key of a clause must be unique."),
    ]

    @api.depends("key", "model")
    def _compute_implemented(self):
        for clause in self:
            clause.implemented = bool(clause._get_method())

    @api.constrains("key", "model")
    def _check_key(self):
        for clause in self:
            if not re.match(r"^[a-z][a-z0-9_]*$", clause.key or ""):
                raise ValidationError(_(
                    "The technical key of clause %s may only contain lower-case "
                    "letters, digits and underscores.") % clause.code)
            if clause.model not in self.env:
                raise ValidationError(_("Unknown model %s.") % clause.model)

    @api.multi
    def _get_method(self):
        """The bound evaluation method of this clause, or None."""
        self.ensure_one()
        if self.model not in self.env:
            return None
        return getattr(
            self.env[self.model], "_eco_compliance_%s" % self.key, None)
