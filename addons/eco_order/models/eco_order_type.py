# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoOrderType(models.Model):
    _name = 'eco.order.type'
    _description = 'Order Type'
    _order = 'sequence, name'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    complex = fields.Boolean(
        help='Complex orders get a cross-department collaboration group.')
    description = fields.Text(translate=True)
    milestone_template_ids = fields.One2many(
        'eco.order.type.milestone', 'order_type_id', string='Milestone Templates',
        copy=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The code of an order type must be unique.'),
    ]
