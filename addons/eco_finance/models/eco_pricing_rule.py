# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoPricingRule(models.Model):
    _name = 'eco.pricing.rule'
    _description = 'Pricing Policy Target Margin'
    _order = 'policy_id, categ_id, order_type_id'

    policy_id = fields.Many2one('eco.pricing.policy', required=True, ondelete='cascade')
    categ_id = fields.Many2one('product.category', string='Product Category')
    order_type_id = fields.Many2one('eco.order.type', string='Order Type')
    target_margin = fields.Float(string='Target Margin (%)', required=True)

    _sql_constraints = [
        ('rule_uniq', 'unique(policy_id, categ_id, order_type_id)',
         'One target margin per category and order type.'),
    ]
