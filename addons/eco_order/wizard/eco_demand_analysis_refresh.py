# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoDemandAnalysisRefresh(models.TransientModel):
    """Order managers see when the customer demand figures were last brought
    up to date and refresh them now (R7.3)."""

    _name = "eco.demand.analysis.refresh"
    _description = "Refresh Customer Demand Trends"

    last_refresh = fields.Datetime(
        string="Last Updated on", readonly=True,
        default=lambda self: self._default_last_refresh())

    @api.model
    def _default_last_refresh(self):
        return self.env["eco.demand.analysis"]._last_refresh()

    @api.multi
    def action_refresh(self):
        self.ensure_one()
        return self.env["eco.demand.analysis"].action_refresh_data()
