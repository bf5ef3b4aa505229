# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoSafetyChecklistTemplate(models.Model):
    _name = 'eco.safety.checklist.template'
    _description = 'Site Inspection Checklist'
    _order = 'name'

    name = fields.Char(required=True, translate=True)
    risk_id = fields.Many2one('eco.safety.risk', string='Kind of Work')
    item_ids = fields.One2many('eco.safety.checklist.item', 'template_id',
                               string='Items')
    active = fields.Boolean(default=True)
