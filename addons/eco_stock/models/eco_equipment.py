# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Equipment register for after-sales: each delivered serial (lot)."""
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class EcoEquipment(models.Model):
    _name = 'eco.equipment'
    _description = 'Installed Equipment'
    _inherit = ['mail.thread']
    _order = 'installation_date desc, id desc'

    name = fields.Char(string='Serial Number', required=True, index=True)
    lot_id = fields.Many2one('stock.production.lot', string='Lot / Serial',
                             ondelete='restrict', index=True)
    product_id = fields.Many2one('product.product', string='Product', required=True)
    job_id = fields.Many2one('eco.installation.job', string='Installation Job',
                             ondelete='set null', index=True)
    order_id = fields.Many2one('sale.order', string='Order', index=True,
                               ondelete='set null')
    partner_id = fields.Many2one('res.partner', string='Customer', index=True)
    company_id = fields.Many2one(
        'res.company', string='Company',
        default=lambda self: self.env['res.company']._company_default_get(
            'eco.equipment'))
    site_address = fields.Text(string='Site')
    installation_date = fields.Date(track_visibility='onchange')
    commissioning_result = fields.Selection(
        [('none', 'Not Measured'), ('failed', 'Failed'), ('passed', 'Passed')],
        default='none', track_visibility='onchange')
    warranty_months = fields.Integer(default=12)
    warranty_start = fields.Date(track_visibility='onchange')
    warranty_end = fields.Date(compute='_compute_warranty_end', store=True)

    _sql_constraints = [
        ('lot_uniq', 'unique(lot_id)', 'A serial number is registered once.'),
    ]

    @api.depends('warranty_start', 'warranty_months')
    def _compute_warranty_end(self):
        for equipment in self:
            if equipment.warranty_start:
                equipment.warranty_end = fields.Date.to_string(
                    fields.Date.from_string(equipment.warranty_start)
                    + relativedelta(months=equipment.warranty_months))
            else:
                equipment.warranty_end = False

    @api.model
    def create(self, vals):
        lot = self.env['stock.production.lot'].browse(vals.get('lot_id'))
        if lot:
            vals.setdefault('name', lot.name)
            vals.setdefault('product_id', lot.product_id.id)
        job = self.env['eco.installation.job'].browse(vals.get('job_id'))
        if job:
            vals.setdefault('order_id', job.order_id.id)
            vals.setdefault('partner_id', job.partner_id.id)
            vals.setdefault('site_address', job.site_address)
            vals.setdefault('company_id', job.company_id.id)
        return super(EcoEquipment, self).create(vals)

    @api.multi
    def write(self, vals):
        res = super(EcoEquipment, self).write(vals)
        if vals.get('installation_date'):
            self.filtered(lambda e: not e.warranty_start).write(
                {'warranty_start': vals['installation_date']})
        return res
