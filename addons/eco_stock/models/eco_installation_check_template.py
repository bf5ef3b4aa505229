# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoInstallationCheckTemplate(models.Model):
    """Installation checklist item, per order type and product category
    (eco_order's template mixin)."""
    _name = 'eco.installation.check.template'
    _description = 'Installation Checklist Template'
    _inherit = 'eco.order.template.mixin'

    name = fields.Char(string='Check', required=True, translate=True)
    categ_id = fields.Many2one(
        'product.category', string='Product Category', ondelete='cascade',
        help='Empty: for every installation; else for orders with products of '
             'this category (or a sub-category).')
    description = fields.Text(translate=True)
