# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class EcoAcceptance(models.Model):
    _inherit = 'eco.acceptance'

    @api.multi
    def action_record_result(self):
        res = super(EcoAcceptance, self).action_record_result()
        orders = self.filtered(lambda a: a.state == 'passed').mapped('order_id')
        if orders:
            orders._eco_schedule_event('acceptance')
        return res
