# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoSafetyIncidentKind(models.Model):
    _name = 'eco.safety.incident.kind'
    _description = 'Incident Kind'
    _order = 'sequence, name'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    near_miss = fields.Boolean(string='Near Miss')
    report_hours = fields.Integer(
        string='Report to Authority Within (Hours)', default=0,
        help='Regulatory reporting deadline after the incident (0: no report).')
    warn_hours = fields.Integer(
        string='Escalate Before (Hours)', default=1,
        help='Escalation starts this many hours before the reporting deadline.')
    authority = fields.Char(string='Authority')
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The code of an incident kind must be '
         'unique.'),
    ]
