# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An approved change of the delivery date or method moves the order's open
deliveries (R10.2 / R6.3)."""
from odoo import _, api, models
from odoo.tools import html_escape


class EcoOrderChangeRequest(models.Model):
    _inherit = 'eco.order.change.request'

    @api.multi
    def _eco_apply(self):
        res = super(EcoOrderChangeRequest, self)._eco_apply()
        for request in self:
            pickings = request.order_id.sudo().picking_ids.filtered(
                lambda p: p.picking_type_code == 'outgoing'
                and p.state not in ('done', 'cancel'))
            if not pickings:
                continue
            if request.kind == 'delivery_date':
                # keep the time of day of each picking
                for picking in pickings:
                    time = (picking.scheduled_date or '')[10:] or ' 08:00:00'
                    picking.write({'scheduled_date': request.new_date + time})
            else:
                pickings.write({'eco_delivery_method': request.new_method})
            for picking in pickings:
                picking.message_post(
                    body=_('Changed by the approved change request %s: %s.') % (
                        html_escape(request.name),
                        html_escape(request.new_value_text or '')),
                    subtype='mail.mt_note')
        return res
