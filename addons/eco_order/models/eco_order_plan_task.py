# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EcoOrderPlanTask(models.Model):
    """A department's task in the processing plan of a collaboration group."""
    _name = 'eco.order.plan.task'
    _description = 'Processing Plan Task'
    _order = 'collaboration_id, deadline, id'

    collaboration_id = fields.Many2one(
        'eco.order.collaboration', string='Collaboration Group', required=True,
        ondelete='cascade', index=True)
    name = fields.Char(required=True)
    department_id = fields.Many2one('hr.department', string='Department')
    user_id = fields.Many2one('res.users', string='Responsible')
    deadline = fields.Date()
    progress = fields.Float(string='Progress (%)', default=0.0)
    weight = fields.Float(default=1.0, help='Weight of the task in the plan progress.')
    state = fields.Selection([
        ('todo', 'To Do'),
        ('in_progress', 'In Progress'),
        ('done', 'Done'),
        ('cancel', 'Cancelled'),
    ], default='todo', required=True)

    _sql_constraints = [
        ('progress_range', 'CHECK(progress >= 0 AND progress <= 100)',
         'The progress of a task is between 0 and 100 %.'),
        ('weight_positive', 'CHECK(weight >= 0)', 'The weight cannot be negative.'),
    ]

    @api.constrains('state', 'progress')
    def _check_done_progress(self):
        for task in self:
            if task.state == 'done' and task.progress != 100.0:
                raise ValidationError(_('A done task has a progress of 100 %.'))

    @api.model
    def create(self, vals):
        if vals.get('state') == 'done' and 'progress' not in vals:
            vals = dict(vals, progress=100.0)
        return super(EcoOrderPlanTask, self).create(vals)

    @api.multi
    def write(self, vals):
        if vals.get('state') == 'done' and 'progress' not in vals:
            vals = dict(vals, progress=100.0)
        return super(EcoOrderPlanTask, self).write(vals)

    @api.onchange('state')
    def _onchange_state(self):
        if self.state == 'done':
            self.progress = 100.0
