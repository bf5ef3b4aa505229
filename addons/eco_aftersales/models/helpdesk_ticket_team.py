# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = 'helpdesk.ticket.team'

    eco_manager_id = fields.Many2one(
        'res.users', string='Team Manager',
        help='Notified when a ticket of the team is escalated (SLA level 2).')
