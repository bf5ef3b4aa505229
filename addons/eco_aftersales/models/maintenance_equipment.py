# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MaintenanceEquipment(models.Model):
    _inherit = 'maintenance.equipment'

    def _prepare_request_from_plan(self, maintenance_plan, next_maintenance_date):
        vals = super(MaintenanceEquipment, self)._prepare_request_from_plan(
            maintenance_plan, next_maintenance_date)
        equipment = maintenance_plan.eco_equipment_id
        if equipment:
            vals.update({
                'eco_equipment_id': equipment.id,
                'eco_commitment_id': maintenance_plan.eco_commitment_id.id,
                'eco_partner_id': equipment.partner_id.id,
                'eco_site_address': equipment.site_address,
            })
        return vals
