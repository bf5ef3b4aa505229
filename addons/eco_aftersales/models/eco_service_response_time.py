# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Response times per ticket priority, in working hours (R11.1, R11.2)."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

PRIORITIES = [('0', 'Low'), ('1', 'Medium'), ('2', 'High'), ('3', 'Very High')]


class EcoServiceResponseTime(models.Model):
    _name = 'eco.service.response.time'
    _description = 'Service Response Time'
    _order = 'priority desc, id'

    template_id = fields.Many2one(
        'eco.service.template', string='Template', ondelete='cascade', index=True)
    commitment_id = fields.Many2one(
        'eco.service.commitment', string='Commitment', ondelete='cascade',
        index=True)
    priority = fields.Selection(PRIORITIES, required=True, default='1')
    first_response_hours = fields.Float(
        string='First Response (Working Hours)', default=4.0)
    on_site_hours = fields.Float(string='On Site (Working Hours)', default=16.0)
    resolution_hours = fields.Float(
        string='Fixed (Working Hours)', default=40.0)

    @api.constrains('first_response_hours', 'on_site_hours', 'resolution_hours')
    def _check_hours(self):
        for line in self:
            if min(line.first_response_hours, line.on_site_hours,
                   line.resolution_hours) <= 0:
                raise ValidationError(_('Response times must be positive.'))
