# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = 'product.category'

    eco_required_document_type_ids = fields.Many2many(
        'eco.supplier.document.type', 'eco_category_document_type_rel', 'categ_id',
        'type_id', string='Required Vendor Documents',
        help='Documents a vendor of this category must hold valid; an expired one '
             'suspends the vendor.')
    eco_slow_mover_days = fields.Integer(
        string='Slow Mover After (days)', default=180,
        help='Products in stock without outgoing move for this many days are slow '
             'movers.')
    eco_tender_required = fields.Boolean(
        string='Call for Tenders Required',
        help='Purchase orders of products of this category over the amount of the '
             'system parameter eco_stock.tender_amount must come from a call for '
             'tenders.')
