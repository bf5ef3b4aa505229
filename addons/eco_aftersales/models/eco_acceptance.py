# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class EcoAcceptance(models.Model):
    _inherit = 'eco.acceptance'

    @api.multi
    def write(self, vals):
        res = super(EcoAcceptance, self).write(vals)
        if vals.get('state') in ('passed', 'signed'):
            self.mapped('order_id')._eco_after_acceptance()
        return res
