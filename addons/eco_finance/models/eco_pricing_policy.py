# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cost-plus pricing policy (R5.2): suggested price = cost x (1 + target margin) x
market factor. Target margins per product category and order type (the most
specific rule wins: category and type, then category, then type, then the policy's
default); market factors per pricelist, customer segment (partner tag) or region
(country / state); a minimum line margin and a maximum discount, both reasons for a
special-pricing review."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EcoPricingPolicy(models.Model):
    _name = 'eco.pricing.policy'
    _description = 'Pricing Policy'
    _inherit = ['mail.thread']

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(
        'res.company', required=True, default=lambda self: self.env.user.company_id)
    active = fields.Boolean(default=True)
    default_margin = fields.Float(
        string='Default Target Margin (%)', default=25.0, track_visibility='onchange',
        help='Mark-up on cost when no rule matches: price = cost x (1 + margin).')
    min_margin = fields.Float(
        string='Minimum Margin (%)', default=10.0, track_visibility='onchange',
        help='A line whose margin (on its price) is below this needs a '
             'special-pricing review.')
    max_discount = fields.Float(
        string='Discount Limit (%)', default=10.0, track_visibility='onchange',
        help='A line with a higher discount needs a special-pricing review.')
    rule_ids = fields.One2many('eco.pricing.rule', 'policy_id', string='Target Margins')
    factor_ids = fields.One2many('eco.pricing.factor', 'policy_id',
                                 string='Market Factors')

    @api.constrains('min_margin', 'max_discount', 'default_margin')
    def _check_percentages(self):
        for policy in self:
            if not (0 <= policy.max_discount <= 100) or policy.min_margin >= 100 \
                    or policy.default_margin <= -100:
                raise ValidationError(_(
                    'Pricing policy %s: the discount limit must be between 0 and '
                    '100 %%, '
                    'the minimum margin below 100 %% and the target margin above '
                    '-100 %%.') % policy.name)

    @api.model
    def _eco_get(self, company):
        return self.sudo().search([('company_id', '=', company.id)], limit=1)

    @api.multi
    def _eco_target_margin(self, category, order_type):
        """Target margin (%) for a product category and an order type."""
        self.ensure_one()
        categories = []
        while category:
            categories.append(category)
            category = category.parent_id
        rules = self.rule_ids
        for categ in categories:
            for rule in rules:
                if rule.categ_id == categ and order_type \
                        and rule.order_type_id == order_type:
                    return rule.target_margin
        for categ in categories:
            for rule in rules:
                if rule.categ_id == categ and not rule.order_type_id:
                    return rule.target_margin
        for rule in rules:
            if not rule.categ_id and order_type and rule.order_type_id == order_type:
                return rule.target_margin
        return self.default_margin

    @api.multi
    def _eco_market_factor(self, partner, pricelist):
        """Market factor for a customer and a pricelist: pricelist, then segment,
        then state, then country; 1.0 when nothing matches."""
        self.ensure_one()
        partner = partner.commercial_partner_id
        factors = self.factor_ids
        tests = [
            lambda f: f.pricelist_id and f.pricelist_id == pricelist,
            lambda f: f.partner_category_id
            and f.partner_category_id in partner.category_id,
            lambda f: f.state_id and f.state_id == partner.state_id,
            lambda f: f.country_id and not f.state_id
            and f.country_id == partner.country_id,
        ]
        for test in tests:
            for factor in factors:
                if test(factor):
                    return factor.factor
        return 1.0
