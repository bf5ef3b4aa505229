# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    eco_skill_ids = fields.Many2many(
        'eco.skill', 'eco_skill_res_users_rel', 'user_id', 'skill_id',
        string='Capabilities')
    eco_order_cap = fields.Integer(
        string='Max Open Orders', default=0,
        help='Maximum number of open orders allocated to this project lead; '
             '0 means no cap.')

    _sql_constraints = [
        ('eco_order_cap_positive', 'CHECK(eco_order_cap >= 0)',
         'The maximum number of open orders cannot be negative.'),
    ]
