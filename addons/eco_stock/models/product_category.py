# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


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
    eco_vendor_qualification = fields.Boolean(
        string='Qualified Vendors Only',
        help='Products of this category and its sub-categories are bought only from '
             'vendors qualified for it: purchase orders to other vendors are refused '
             'and procurement skips them.')
    eco_tender_required = fields.Boolean(
        string='Call for Tenders Required',
        help='Purchase orders of products of this category over the amount of the '
             'system parameter eco_stock.tender_amount must come from a call for '
             'tenders.')

    @api.multi
    def _eco_requires_qualified_vendor(self):
        """Whether this category or one of its parents buys from qualified vendors
        only."""
        self.ensure_one()
        category = self
        while category:
            if category.eco_vendor_qualification:
                return True
            category = category.parent_id
        return False
