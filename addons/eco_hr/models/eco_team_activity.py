# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoTeamActivity(models.Model):
    """Team activities and experience-sharing sessions (R4.3)."""
    _name = 'eco.team.activity'
    _description = 'Team Activity'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date desc, id desc'

    name = fields.Char(string='Topic', required=True, track_visibility='onchange')
    kind = fields.Selection([
        ('sharing', 'Experience Sharing'),
        ('activity', 'Team Activity'),
    ], required=True, default='sharing')
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    organiser_id = fields.Many2one(
        'hr.employee', string='Organiser',
        default=lambda self: self.env['hr.employee'].search(
            [('user_id', '=', self.env.uid)], limit=1))
    department_id = fields.Many2one('hr.department', string='Team', index=True)
    participant_ids = fields.Many2many(
        'hr.employee', 'eco_team_activity_employee_rel', 'activity_id',
        'employee_id', string='Participants')
    participant_count = fields.Integer(compute='_compute_participant_count',
                                       store=True)
    minutes = fields.Html()
    lessons = fields.Text(string='Shared Lessons')
    order_ids = fields.Many2many(
        'sale.order', 'eco_team_activity_sale_order_rel', 'activity_id', 'order_id',
        string='Orders the Lessons Came From')
    attachment_ids = fields.Many2many(
        'ir.attachment', 'eco_team_activity_attachment_rel', 'activity_id',
        'attachment_id', string='Photos and Attachments')
    company_id = fields.Many2one(
        'res.company', default=lambda self: self.env.user.company_id)

    @api.depends('participant_ids')
    def _compute_participant_count(self):
        for activity in self:
            activity.participant_count = len(activity.participant_ids)
