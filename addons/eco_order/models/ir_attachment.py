# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrAttachment(models.Model):
    """Keep the order's stored completeness in step with its attachments
    (a fax order needs its fax or scan attached, R2.1)."""
    _inherit = 'ir.attachment'

    def _eco_order_ids(self):
        return list({
            att.res_id for att in self.sudo()
            if att.res_model == 'sale.order' and att.res_id})

    def _eco_refresh_orders(self, order_ids):
        if order_ids:
            orders = self.env['sale.order'].sudo().browse(order_ids).exists()
            fax_orders = orders.filtered(lambda o: o.intake_channel == 'fax')
            fax_orders._eco_intake_refresh_missing()

    @api.model
    def create(self, vals):
        attachment = super(IrAttachment, self).create(vals)
        if vals.get('res_model') == 'sale.order':
            self._eco_refresh_orders(attachment._eco_order_ids())
        return attachment

    @api.multi
    def write(self, vals):
        moved = 'res_id' in vals or 'res_model' in vals
        before = self._eco_order_ids() if moved else []
        res = super(IrAttachment, self).write(vals)
        if before or vals.get('res_model') == 'sale.order' or 'res_id' in vals:
            self._eco_refresh_orders(list(set(before) | set(self._eco_order_ids())))
        return res

    @api.multi
    def unlink(self):
        order_ids = self._eco_order_ids()
        res = super(IrAttachment, self).unlink()
        self._eco_refresh_orders(order_ids)
        return res
