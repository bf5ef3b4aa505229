# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoSupplierDocumentType(models.Model):
    """Kind of qualification document (business licence, ISO certificate ...)."""
    _name = 'eco.supplier.document.type'
    _description = 'Vendor Qualification Document Type'
    _order = 'sequence, name'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category_ids = fields.Many2many(
        'product.category', 'eco_category_document_type_rel', 'type_id', 'categ_id',
        string='Required for Categories')

    _sql_constraints = [
        ('code_uniq', 'unique(code)', 'The code of a document type must be unique.'),
    ]
