# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

ECO_ACTIONS = [
    ('mail', 'Reminder Mail'),
    ('letter', 'Formal Letter (PDF)'),
    ('call_hold', 'Phone Call and Credit Hold'),
    ('escalate', 'Escalation to Management'),
]


class CreditControlPolicyLevel(models.Model):
    """What the daily dunning run does by itself with the lines of a level; levels
    without an action keep account_credit_control's manual flow (draft lines)."""
    _inherit = 'credit.control.policy.level'

    eco_action = fields.Selection(
        ECO_ACTIONS, string='Automatic Action',
        help='Done by the daily dunning run for the new lines of this level: '
             'Reminder Mail: the level\'s email template is sent; Formal Letter: '
             'the reminder letter is rendered as PDF and kept in the customer\'s '
             'chatter; Phone Call and Credit Hold: an activity for the salesperson '
             'and the customer put on credit hold; Escalation: an activity for the '
             'escalation user (or the finance managers).')
    eco_activity_user_id = fields.Many2one(
        'res.users', string='Escalation User',
        help='Who gets the escalation activity; empty: every finance manager.')

    _sql_constraints = [
        ('eco_level_uniq', 'UNIQUE (policy_id, level)',
         'Level must be unique per policy.'),
    ]
