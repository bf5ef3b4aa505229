# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .res_partner import SUPPLIER_STATES


class EcoSupplierQualification(models.Model):
    """The qualification of a vendor for one product category (R6.1)."""
    _name = 'eco.supplier.qualification'
    _description = 'Vendor Qualification per Product Category'
    _inherit = ['mail.thread']
    _order = 'partner_id, categ_id'

    partner_id = fields.Many2one(
        'res.partner', string='Vendor', required=True, ondelete='cascade', index=True,
        domain=[('is_company', '=', True)])
    categ_id = fields.Many2one(
        'product.category', string='Product Category', required=True,
        ondelete='cascade')
    state = fields.Selection(
        SUPPLIER_STATES, required=True, default='candidate',
        track_visibility='onchange')
    approved_by_id = fields.Many2one(
        'res.users', string='Decided By', readonly=True, track_visibility='onchange')
    approved_date = fields.Datetime(string='Decided On', readonly=True)
    note = fields.Char()

    _sql_constraints = [
        ('partner_categ_uniq', 'unique(partner_id, categ_id)',
         'A vendor has one qualification per product category.'),
    ]

    @api.model
    def create(self, vals):
        self.env['res.partner']._eco_check_purchase_manager()
        vals.update(approved_by_id=self.env.uid, approved_date=fields.Datetime.now())
        return super(EcoSupplierQualification, self).create(vals)

    @api.multi
    def write(self, vals):
        self.env['res.partner']._eco_check_purchase_manager()
        if 'state' in vals:
            vals.update(approved_by_id=self.env.uid,
                        approved_date=fields.Datetime.now())
        return super(EcoSupplierQualification, self).write(vals)
