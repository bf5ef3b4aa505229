# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EcoPricingFactor(models.Model):
    _name = 'eco.pricing.factor'
    _description = 'Pricing Policy Market Factor'

    policy_id = fields.Many2one('eco.pricing.policy', required=True, ondelete='cascade')
    pricelist_id = fields.Many2one('product.pricelist', string='Pricelist')
    partner_category_id = fields.Many2one('res.partner.category', string='Segment')
    country_id = fields.Many2one('res.country', string='Country')
    state_id = fields.Many2one('res.country.state', string='Region')
    factor = fields.Float(required=True, default=1.0, digits=(16, 3))

    @api.constrains('factor', 'pricelist_id', 'partner_category_id', 'country_id',
                    'state_id')
    def _check_factor(self):
        for rec in self:
            if rec.factor <= 0:
                raise ValidationError(_('A market factor must be positive.'))
            if not (rec.pricelist_id or rec.partner_category_id or rec.country_id
                    or rec.state_id):
                raise ValidationError(_(
                    'A market factor applies to a pricelist, a segment or a region.'))
