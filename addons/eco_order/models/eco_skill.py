# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoSkill(models.Model):
    _name = 'eco.skill'
    _description = 'Capability'
    _order = 'name'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    description = fields.Text(translate=True)
    user_ids = fields.Many2many(
        'res.users', 'eco_skill_res_users_rel', 'skill_id', 'user_id',
        string='Users')
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The code of a capability must be unique.'),
    ]
