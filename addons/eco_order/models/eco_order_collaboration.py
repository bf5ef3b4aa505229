# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoOrderCollaboration(models.Model):
    """Cross-department collaboration group of a complex order (R3.3)."""
    _name = 'eco.order.collaboration'
    _description = 'Order Collaboration Group'
    _inherit = ['mail.thread']
    _order = 'id desc'

    name = fields.Char(required=True, track_visibility='onchange')
    # auto_join: the confidentiality rules read the order's stored level
    # in a join, not in a sub-search returning every order's id
    order_id = fields.Many2one(
        'sale.order', string='Order', required=True, ondelete='cascade', index=True,
        auto_join=True)
    member_ids = fields.One2many(
        'eco.order.collaboration.member', 'collaboration_id', string='Departments',
        copy=True)
    task_ids = fields.One2many(
        'eco.order.plan.task', 'collaboration_id', string='Processing Plan')
    meeting_ids = fields.One2many(
        'calendar.event', 'eco_collaboration_id', string='Coordination Meetings')
    issue_ids = fields.One2many(
        'eco.order.collab.issue', 'collaboration_id', string='Issues')
    plan = fields.Html(string='Processing Plan Notes')
    progress = fields.Float(
        compute='_compute_progress', store=True, group_operator='avg',
        help='Average progress of the plan tasks, weighted by their weight.')
    meeting_count = fields.Integer(compute='_compute_counts')
    open_issue_count = fields.Integer(compute='_compute_counts')
    company_id = fields.Many2one(
        related='order_id.company_id', store=True, readonly=True, index=True)

    _sql_constraints = [
        ('order_unique', 'unique(order_id)',
         'An order has only one collaboration group.'),
    ]

    @api.depends('task_ids.progress', 'task_ids.weight')
    def _compute_progress(self):
        for collab in self:
            weight = sum(collab.task_ids.mapped('weight'))
            collab.progress = weight and sum(
                t.progress * t.weight for t in collab.task_ids) / weight or 0.0

    @api.depends('meeting_ids', 'issue_ids.state')
    def _compute_counts(self):
        meetings = self.env['calendar.event'].read_group(
            [('eco_collaboration_id', 'in', self.ids)],
            ['eco_collaboration_id'], ['eco_collaboration_id'])
        meeting_counts = {g['eco_collaboration_id'][0]: g['eco_collaboration_id_count']
                          for g in meetings}
        issues = self.env['eco.order.collab.issue'].read_group(
            [('collaboration_id', 'in', self.ids), ('state', '=', 'open')],
            ['collaboration_id'], ['collaboration_id'])
        issue_counts = {g['collaboration_id'][0]: g['collaboration_id_count']
                        for g in issues}
        for collab in self:
            collab.meeting_count = meeting_counts.get(collab.id, 0)
            collab.open_issue_count = issue_counts.get(collab.id, 0)

    @api.model
    def _eco_default_members(self):
        """One member line per department that has a head."""
        departments = self.env['hr.department'].search([('manager_id', '!=', False)])
        return [(0, 0, {'department_id': d.id}) for d in departments]

    @api.multi
    def action_schedule_meeting(self):
        self.ensure_one()
        partners = self.member_ids.mapped('head_user_id.partner_id')
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'calendar.event',
            'view_mode': 'form',
            'target': 'current',
            'context': {
                'default_eco_collaboration_id': self.id,
                'default_name': self.name,
                'default_partner_ids': [(6, 0, partners.ids)],
            },
        }
