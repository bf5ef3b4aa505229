# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class StockCycleCount(models.Model):
    _name = 'stock.cycle.count'
    _inherit = ['stock.cycle.count', 'mail.activity.mixin']

    @api.model
    def create(self, vals):
        count = super(StockCycleCount, self).create(vals)
        if count.responsible_id:
            self.env['mail.activity'].sudo().create({
                'res_model_id': self.env['ir.model']._get_id(self._name),
                'res_id': count.id,
                'user_id': count.responsible_id.id,
                'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
                'summary': _('Count location %s') % count.location_id.complete_name,
                'date_deadline': count.date_deadline or fields.Date.context_today(
                    count),
            })
        return count
