# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# events of the order that reach a milestone by themselves (codes; add-ons fire
# theirs with sale.order._eco_milestone_event, e.g. delivered / installed)
MILESTONE_EVENTS = [
    ('quotation_sent', 'Quotation sent'),
    ('contract_signed', 'Contract signed'),
    ('delivered', 'Delivered'),
    ('installed', 'Installed'),
    ('acceptance_signed', 'Acceptance signed'),
]


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
    event = fields.Selection(
        MILESTONE_EVENTS, string='Done By Event',
        help='The milestone is done when this event happens on the order.')
    responsible_role = fields.Selection([
        ('project_lead', 'Project Lead'),
        ('team_manager', 'Team Manager'),
    ], string='Responsible', required=True, default='project_lead')

    _sql_constraints = [
        ('days_offset_positive', 'CHECK(days_offset >= 0)',
         'The days offset of a milestone cannot be negative.'),
    ]
