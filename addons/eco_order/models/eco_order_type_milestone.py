# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoOrderTypeMilestone(models.Model):
    _name = 'eco.order.type.milestone'
    _description = 'Milestone Template of an Order Type'
    _order = 'order_type_id, sequence, id'

    order_type_id = fields.Many2one(
        'eco.order.type', string='Order Type', required=True, ondelete='cascade',
        index=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    days_offset = fields.Integer(
        string='Days After Acceptance', required=True, default=1,
        help='The milestone is due this many days after the order was accepted.')
    notify_customer = fields.Boolean(
        help='The customer is informed when the milestone is reached.')
    responsible_role = fields.Selection([
        ('project_lead', 'Project Lead'),
        ('team_manager', 'Team Manager'),
    ], string='Responsible', required=True, default='project_lead')

    _sql_constraints = [
        ('days_offset_positive', 'CHECK(days_offset >= 0)',
         'The days offset of a milestone cannot be negative.'),
    ]
