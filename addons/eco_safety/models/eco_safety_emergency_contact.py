# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoSafetyEmergencyContact(models.Model):
    _name = 'eco.safety.emergency.contact'
    _description = 'Emergency Contact'
    _order = 'plan_id, sequence, id'

    plan_id = fields.Many2one('eco.safety.emergency.plan', required=True,
                              ondelete='cascade', index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    phone = fields.Char(required=True)
    external = fields.Boolean(help='Outside the company: fire brigade, '
                                   'environmental bureau, hospital ...')
