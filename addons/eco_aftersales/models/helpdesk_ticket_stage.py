# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = 'helpdesk.ticket.stage'

    eco_sla_pause = fields.Boolean(
        string='Pauses the SLA',
        help='Waiting on the customer: the working hours spent in this stage do '
             'not count against the SLA.')
