# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoPurchaseOverride(models.TransientModel):
    _name = 'eco.purchase.override'
    _description = 'Override the Vendor Qualification of a Purchase Order'

    purchase_id = fields.Many2one('purchase.order', required=True, ondelete='cascade')
    reason = fields.Text(required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.purchase_id._eco_override_qualification(self.reason)
        return {'type': 'ir.actions.act_window_close'}
