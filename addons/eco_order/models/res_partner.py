# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models


class ResPartner(models.Model):
    """Needs discovered for a customer (R2.3)."""

    _inherit = "res.partner"

    need_ids = fields.One2many(
        comodel_name="eco.order.need",
        inverse_name="partner_id",
        string="Environmental Needs",
        groups="eco_order.group_eco_order_user",
    )
    need_count = fields.Integer(
        string="Needs",
        compute="_compute_need_count",
        groups="eco_order.group_eco_order_user",
        help="Needs of the partner and of its contacts.",
    )

    @api.multi
    def _compute_need_count(self):
        """Needs of each partner including its child contacts, in one read_group."""
        groups = self.env["eco.order.need"].read_group(
            [("partner_id", "child_of", self.filtered("id").ids)],
            ["partner_id"], ["partner_id"])
        counts = {g["partner_id"][0]: g["partner_id_count"] for g in groups}
        totals = defaultdict(int)
        wanted = set(self.filtered("id").ids)
        for partner in self.browse(list(counts)):
            current = partner
            while current:
                if current.id in wanted:
                    totals[current.id] += counts[partner.id]
                current = current.parent_id
        for partner in self:
            partner.need_count = totals[partner.id]

    @api.multi
    def action_view_needs(self):
        self.ensure_one()
        action = self.env.ref("eco_order.eco_order_need_action").read()[0]
        action["domain"] = [("partner_id", "child_of", self.ids)]
        action["context"] = {"default_partner_id": self.id}
        return action
