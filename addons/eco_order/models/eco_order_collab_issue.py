# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class EcoOrderCollabIssue(models.Model):
    """An issue raised in coordination, tracked to resolution (R3.3)."""
    _name = 'eco.order.collab.issue'
    _description = 'Collaboration Issue'
    _order = 'state, deadline, id'
    _rec_name = 'description'

    collaboration_id = fields.Many2one(
        'eco.order.collaboration', string='Collaboration Group', required=True,
        ondelete='cascade', index=True)
    meeting_id = fields.Many2one(
        'calendar.event', string='Raised In Meeting', ondelete='set null')
    description = fields.Text(required=True)
    raised_date = fields.Date(default=fields.Date.context_today, required=True)
    user_id = fields.Many2one('res.users', string='Responsible')
    deadline = fields.Date()
    state = fields.Selection([
        ('open', 'Open'),
        ('resolved', 'Resolved'),
    ], default='open', required=True)
    resolution = fields.Text()
    resolved_date = fields.Date(readonly=True)

    @api.multi
    def action_resolve(self):
        for issue in self:
            if not issue.resolution:
                raise UserError(_('Describe the resolution first.'))
        self.write({'state': 'resolved',
                    'resolved_date': fields.Date.context_today(self)})
        return True
