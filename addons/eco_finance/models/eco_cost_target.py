# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EcoCostTarget(models.Model):
    """Cost target per order type and product category: a minimum margin (the
    target cost of a line is its price less that margin) or, without category, a
    maximum cost for the whole order."""
    _name = 'eco.cost.target'
    _description = 'Order Cost Target'
    _order = 'order_type_id, categ_id'

    order_type_id = fields.Many2one('eco.order.type', string='Order Type')
    categ_id = fields.Many2one('product.category', string='Product Category')
    min_margin = fields.Float(string='Minimum Margin (%)')
    max_cost = fields.Float(string='Maximum Cost')
    company_id = fields.Many2one('res.company',
                                 default=lambda self: self.env.user.company_id)

    _sql_constraints = [
        ('target_uniq', 'unique(order_type_id, categ_id, company_id)',
         'One cost target per order type and product category.'),
    ]

    @api.constrains('min_margin', 'max_cost', 'categ_id')
    def _check_values(self):
        for target in self:
            if target.min_margin < 0 or target.min_margin >= 100 \
                    or target.max_cost < 0:
                raise ValidationError(_(
                    'A cost target needs a minimum margin between 0 and 100 % and a '
                    'positive maximum cost.'))
            if target.max_cost and target.categ_id:
                raise ValidationError(_(
                    'A maximum cost applies to a whole order: leave the product '
                    'category empty.'))

    @api.multi
    def _eco_match(self, order_type, category):
        """Most specific target among ``self`` for the order type and category
        (walking up the category tree); category False: the order-level target."""
        categories = []
        while category:
            categories.append(category)
            category = category.parent_id
        if not categories:
            for target in self:
                if not target.categ_id and target.order_type_id == order_type:
                    return target
            for target in self:
                if not target.categ_id and not target.order_type_id:
                    return target
            return self.browse()
        for wanted_type in (order_type, self.env['eco.order.type']):
            for categ in categories:
                for target in self:
                    if target.categ_id == categ and target.order_type_id == wanted_type:
                        return target
        return self.browse()
