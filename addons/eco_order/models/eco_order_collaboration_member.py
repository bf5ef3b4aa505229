# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoOrderCollaborationMember(models.Model):
    """A department in a collaboration group, represented by its head."""
    _name = 'eco.order.collaboration.member'
    _description = 'Collaboration Group Department'
    _order = 'collaboration_id, id'

    collaboration_id = fields.Many2one(
        'eco.order.collaboration', required=True, ondelete='cascade', index=True)
    department_id = fields.Many2one('hr.department', string='Department', required=True)
    head_id = fields.Many2one(
        'hr.employee', string='Head', compute='_compute_head_id', store=True)
    head_user_id = fields.Many2one(
        'res.users', string='Head User', related='head_id.user_id', readonly=True)
    responsibilities = fields.Text()

    _sql_constraints = [
        ('department_unique', 'unique(collaboration_id, department_id)',
         'A department is listed once per collaboration group.'),
    ]

    @api.depends('department_id.manager_id')
    def _compute_head_id(self):
        for member in self:
            member.head_id = member.department_id.manager_id
