# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class EcoSafetyDrill(models.Model):
    """An emergency drill (应急演练) of an emergency plan and its record."""
    _name = 'eco.safety.drill'
    _description = 'Emergency Drill'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date desc, id desc'

    name = fields.Char(compute='_compute_name', store=True)
    plan_id = fields.Many2one('eco.safety.emergency.plan', string='Emergency Plan',
                              required=True, ondelete='cascade', index=True)
    date = fields.Date(required=True, default=fields.Date.context_today,
                       track_visibility='onchange')
    coordinator_id = fields.Many2one('res.users', string='Coordinator')
    participant_ids = fields.Many2many(
        'hr.employee', 'eco_safety_drill_employee_rel', 'drill_id', 'employee_id',
        string='Participants')
    scenario = fields.Text()
    duration_minutes = fields.Integer(string='Duration (Minutes)')
    evaluation = fields.Text()
    finding_ids = fields.Many2many(
        'mgmtsystem.action', 'eco_safety_drill_action_rel', 'drill_id', 'action_id',
        string='Findings (Actions)')
    state = fields.Selection([
        ('planned', 'Planned'),
        ('done', 'Done'),
        ('cancelled', 'Cancelled'),
    ], default='planned', required=True, readonly=True, copy=False,
        track_visibility='onchange')

    @api.depends('plan_id.name', 'date')
    def _compute_name(self):
        for drill in self:
            drill.name = _('Drill %s %s') % (drill.plan_id.name or '', drill.date or '')

    @api.multi
    def action_done(self):
        for drill in self:
            if drill.state != 'planned':
                raise UserError(_('Drill %s is not planned.') % drill.name)
            if not drill.participant_ids or not drill.evaluation:
                raise UserError(_('Drill %s: record the participants and the '
                                  'evaluation.') % drill.name)
        self.write({'state': 'done'})
        self.mapped('activity_ids').action_feedback()
        return True

    @api.multi
    def action_cancel(self):
        self.write({'state': 'cancelled'})
        return True

    @api.multi
    def action_add_finding(self, subject):
        """A finding of the drill: an improvement action in the register."""
        self.ensure_one()
        action = self.env['mgmtsystem.action'].sudo().create({
            'name': subject,
            'type_action': 'improvement',
            'user_id': (self.coordinator_id or self.env.user).id,
        })
        self.finding_ids = [(4, action.id)]
        return action

    @api.multi
    def action_print(self):
        self.ensure_one()
        return self.env.ref('eco_safety.action_report_eco_safety_drill').report_action(
            self)
