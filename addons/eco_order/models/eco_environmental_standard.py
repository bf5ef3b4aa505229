# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.osv import expression


class EcoEnvironmentalStandard(models.Model):
    """A national or sector environmental standard an order has to meet (R1.3, R2.3)."""

    _name = "eco.environmental.standard"
    _description = "Environmental Standard"
    _order = "medium, code"

    name = fields.Char(string="Title", required=True, translate=True)
    code = fields.Char(
        required=True,
        index=True,
        help="Official number of the standard, e.g. GB 8978-1996.",
    )
    medium = fields.Selection(
        selection=[
            ("water", "Water"),
            ("air", "Air"),
            ("solid_waste", "Solid Waste"),
            ("soil", "Soil"),
            ("noise", "Noise"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)",
         "An environmental standard with this code already exists."),
    ]

    @api.multi
    def unlink(self):
        # the stored rows of the demand analysis name the standard and share
        # each line among the standards of its order: rewrite those orders
        orders = self.env["sale.order"].sudo().search(
            [("intake_standard_ids", "in", self.ids)])
        result = super(EcoEnvironmentalStandard, self).unlink()
        if orders:
            self.env["eco.demand.analysis"].sudo()._refresh_orders(orders.ids)
        return result

    @api.multi
    def name_get(self):
        return [(std.id, "%s %s" % (std.code, std.name)) for std in self]

    @api.model
    def _name_search(self, name, args=None, operator="ilike", limit=100,
                     name_get_uid=None):
        args = args or []
        if name:
            domain = ["|", ("code", operator, name), ("name", operator, name)]
            if operator in expression.NEGATIVE_TERM_OPERATORS:
                domain = ["&"] + domain[1:]
            args = expression.AND([domain, args])
        return super(EcoEnvironmentalStandard, self)._name_search(
            "", args=args, operator="ilike", limit=limit, name_get_uid=name_get_uid)
