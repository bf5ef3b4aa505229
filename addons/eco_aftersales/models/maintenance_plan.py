# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MaintenancePlan(models.Model):
    _inherit = 'maintenance.plan'

    eco_commitment_id = fields.Many2one(
        'eco.service.commitment', string='Service Commitment', index=True,
        ondelete='cascade')
    eco_equipment_id = fields.Many2one(
        'eco.equipment', string='Serial', index=True, ondelete='cascade')
