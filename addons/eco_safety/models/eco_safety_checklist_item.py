# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

SEVERITIES = [
    ('low', 'Low'),
    ('medium', 'Medium'),
    ('high', 'High'),
]


class EcoSafetyChecklistItem(models.Model):
    _name = 'eco.safety.checklist.item'
    _description = 'Site Inspection Checklist Item'
    _order = 'template_id, sequence, id'

    template_id = fields.Many2one('eco.safety.checklist.template', required=True,
                                  ondelete='cascade', index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string='Check', required=True, translate=True)
    severity = fields.Selection(
        SEVERITIES, default='medium', required=True,
        help='Severity of the hazard raised when the check fails.')
