# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .eco_safety_checklist_item import SEVERITIES


class EcoSafetyInspectionLine(models.Model):
    _name = 'eco.safety.inspection.line'
    _description = 'Site Inspection Check'
    _order = 'inspection_id, id'

    inspection_id = fields.Many2one('eco.safety.inspection', required=True,
                                    ondelete='cascade', index=True)
    item_id = fields.Many2one('eco.safety.checklist.item', string='Checklist Item')
    name = fields.Char(string='Check', required=True)
    result = fields.Selection([('pass', 'Pass'), ('fail', 'Fail'),
                               ('na', 'Not Applicable')])
    severity = fields.Selection(SEVERITIES, default='medium', required=True)
    location = fields.Char()
    note = fields.Text()
    photo = fields.Binary(attachment=True)
    responsible_id = fields.Many2one('res.users', string='Responsible')
    hazard_id = fields.Many2one('eco.safety.hazard', string='Hazard', readonly=True)
