# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    """Needs discovered on an order (R2.3)."""

    _inherit = "sale.order"

    need_ids = fields.One2many(
        comodel_name="eco.order.need",
        inverse_name="order_id",
        string="Environmental Needs",
        groups="eco_order.group_eco_order_user",
    )
    need_count = fields.Integer(
        string="Needs",
        compute="_compute_need_count",
        groups="eco_order.group_eco_order_user",
    )

    @api.depends("need_ids")
    def _compute_need_count(self):
        groups = self.env["eco.order.need"].read_group(
            [("order_id", "in", self.filtered("id").ids)], ["order_id"], ["order_id"])
        counts = {g["order_id"][0]: g["order_id_count"] for g in groups}
        for order in self:
            order.need_count = counts.get(order.id, 0)

    @api.multi
    def action_view_needs(self):
        self.ensure_one()
        action = self.env.ref("eco_order.eco_order_need_action").read()[0]
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {
            "default_order_id": self.id,
            "default_partner_id": self.partner_id.id,
            "default_company_id": self.company_id.id,
        }
        return action
