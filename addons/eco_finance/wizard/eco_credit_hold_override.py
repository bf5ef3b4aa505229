# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoCreditHoldOverride(models.TransientModel):
    _name = 'eco.credit.hold.override'
    _description = 'Override a Credit Hold for One Order'

    order_id = fields.Many2one('sale.order', required=True, ondelete='cascade')
    reason = fields.Text(required=True)

    @api.multi
    def action_override(self):
        self.ensure_one()
        self.order_id._eco_override_credit_hold(self.reason)
        return {'type': 'ir.actions.act_window_close'}
