# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Service commitment templates per product category (R11.1)."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

WARRANTY_BASIS = [
    ('acceptance', 'Acceptance Date'),
    ('commissioning', 'Commissioning Date'),
]


class EcoServiceTemplate(models.Model):
    _name = 'eco.service.template'
    _description = 'Service Commitment Template'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    categ_id = fields.Many2one(
        'product.category', string='Product Category', required=True,
        ondelete='restrict', index=True)
    warranty_months = fields.Integer(string='Warranty (Months)', default=12)
    warranty_basis = fields.Selection(
        WARRANTY_BASIS, string='Warranty Starts At', required=True,
        default='acceptance')
    maintenance_included = fields.Boolean(string='Maintenance Included')
    maintenance_interval = fields.Integer(
        string='Maintenance Every (Months)', default=3)
    response_time_ids = fields.One2many(
        'eco.service.response.time', 'template_id', string='Response Times')
    note = fields.Text(string='Terms', translate=True)
    company_id = fields.Many2one(
        'res.company', string='Company',
        default=lambda self: self.env['res.company']._company_default_get(
            'eco.service.template'))

    @api.constrains('warranty_months', 'maintenance_interval')
    def _check_months(self):
        for template in self:
            if template.warranty_months < 0 or template.maintenance_interval < 1:
                raise ValidationError(_(
                    'The warranty cannot be negative and maintenance takes place '
                    'at least every month.'))
