# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CalendarEvent(models.Model):
    _inherit = 'calendar.event'

    eco_collaboration_id = fields.Many2one(
        'eco.order.collaboration', string='Collaboration Group', index=True,
        ondelete='set null')
    eco_minutes = fields.Html(string='Minutes')
    eco_decisions = fields.Text(string='Decisions')
