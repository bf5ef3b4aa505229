# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoIntakeReject(models.TransientModel):
    """Reject an order request with a reason (R2.2)."""
    _name = 'eco.intake.reject'
    _description = 'Reject Order Request'

    order_id = fields.Many2one(
        comodel_name='sale.order', string='Order', required=True, ondelete='cascade')
    reason = fields.Text(string='Reason', required=True)

    @api.multi
    def action_reject(self):
        self.ensure_one()
        self.order_id._eco_intake_reject(self.reason)
        return {'type': 'ir.actions.act_window_close'}
