# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from odoo.addons.eco_order.models.sale_order import WEBSITE_CHANNEL


class Website(models.Model):
    _inherit = 'website'

    @api.multi
    def _prepare_sale_order_values(self, partner, pricelist):
        """Carts of the online shop are orders of the online shop channel."""
        values = super(Website, self)._prepare_sale_order_values(partner, pricelist)
        values['intake_channel'] = WEBSITE_CHANNEL
        return values
