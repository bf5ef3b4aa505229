# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoSafetyEmergencyRole(models.Model):
    _name = 'eco.safety.emergency.role'
    _description = 'Emergency Plan Role'
    _order = 'plan_id, sequence, id'

    plan_id = fields.Many2one('eco.safety.emergency.plan', required=True,
                              ondelete='cascade', index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string='Role', required=True)
    employee_id = fields.Many2one('hr.employee', string='Person', required=True)
    deputy_id = fields.Many2one('hr.employee', string='Deputy')
    duties = fields.Text()
