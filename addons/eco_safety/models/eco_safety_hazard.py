# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A hazard found on site (隐患) and its rectification (隐患整改).

The rectification is a corrective ``mgmtsystem.action`` (the suite's one
action register); the deadline escalates through ``eco.deadline.mixin``
(level 1 the responsible, level 2 the safety manager, once each). Closing
needs a verification: who, when and a photo.
"""
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from .eco_safety_checklist_item import SEVERITIES

HAZARD_STATES = [
    ('open', 'Open'),
    ('rectified', 'Rectified'),
    ('closed', 'Verified Closed'),
]
SAFETY_MANAGER = 'eco_safety.group_eco_safety_manager'


def safety_manager(env):
    group = env.ref(SAFETY_MANAGER, raise_if_not_found=False)
    users = group.sudo().users.filtered(lambda u: u.active and u.id != 1) \
        if group else env['res.users']
    return users.sorted('id')[:1]


class EcoSafetyHazard(models.Model):
    _name = 'eco.safety.hazard'
    _description = 'Site Hazard'
    _inherit = ['eco.deadline.mixin', 'mail.thread', 'mail.activity.mixin']
    _order = 'date_done desc, deadline, id desc'
    _deadline_responsible_field = 'user_id'
    _deadline_manager_field = 'manager_id'

    name = fields.Char(required=True, track_visibility='onchange')
    plan_id = fields.Many2one('eco.safety.plan', string='Safety Plan',
                              ondelete='cascade', index=True)
    order_id = fields.Many2one(related='plan_id.order_id', store=True, readonly=True)
    inspection_id = fields.Many2one('eco.safety.inspection', ondelete='set null')
    severity = fields.Selection(SEVERITIES, required=True, default='medium',
                                track_visibility='onchange')
    location = fields.Char()
    description = fields.Text()
    photo = fields.Binary(attachment=True)
    user_id = fields.Many2one('res.users', string='Responsible', required=True,
                              default=lambda self: self.env.user,
                              track_visibility='onchange')
    manager_id = fields.Many2one(
        'res.users', string='Safety Manager',
        default=lambda self: safety_manager(self.env),
        help='Notified when the rectification is overdue (level 2).')
    action_id = fields.Many2one('mgmtsystem.action', string='Rectification',
                                readonly=True, copy=False)
    state = fields.Selection(HAZARD_STATES, default='open', required=True,
                             readonly=True, copy=False, track_visibility='onchange')
    rectification = fields.Text(string='Rectification Done')
    verified_by = fields.Many2one('res.users', readonly=True, copy=False)
    verified_date = fields.Datetime(readonly=True, copy=False)
    verification_photo = fields.Binary(attachment=True, copy=False)
    age_days = fields.Integer(string='Age (Days)', compute='_compute_age_days')

    @api.multi
    def _compute_age_days(self):
        now = fields.Datetime.from_string(fields.Datetime.now())
        for hazard in self:
            end = fields.Datetime.from_string(hazard.date_done) if hazard.date_done \
                else now
            hazard.age_days = (end - fields.Datetime.from_string(
                hazard.create_date or fields.Datetime.now())).days

    @api.model
    def create(self, vals):
        hazard = super(EcoSafetyHazard, self).create(vals)
        hazard.action_id = self.env['mgmtsystem.action'].sudo().create(
            hazard._eco_action_values())
        return hazard

    @api.multi
    def _eco_action_values(self):
        self.ensure_one()
        return {
            'name': _('Rectify hazard: %s') % self.name,
            'type_action': 'correction',
            'user_id': self.user_id.id,
            'date_deadline': self.deadline and self.deadline[:10],
            'priority': '1' if self.severity == 'high' else '0',
            'description': '<p>%s</p>' % html_escape(
                _('Hazard found on site (%s).') % (
                    self.location or self.plan_id.name or '')),
        }

    @api.multi
    def action_rectified(self):
        for hazard in self:
            if hazard.state != 'open':
                raise UserError(_('Hazard %s is not open.') % hazard.name)
            if not hazard.rectification:
                raise UserError(_('Hazard %s: describe the rectification done.')
                                % hazard.name)
        self.write({'state': 'rectified'})
        return True

    @api.multi
    def action_verify_close(self):
        """Verification by a safety officer (who, when, photo): closes the
        hazard and its corrective action."""
        for hazard in self:
            if hazard.state != 'rectified':
                raise UserError(_('Hazard %s must be rectified before it is '
                                  'verified.') % hazard.name)
            if not hazard.verification_photo:
                raise UserError(_('Hazard %s: add the photo of the verification.')
                                % hazard.name)
        now = fields.Datetime.now()
        self.write({'state': 'closed', 'verified_by': self.env.uid,
                    'verified_date': now, 'date_done': now})
        close = self.env.ref('mgmtsystem_action.stage_close')
        self.mapped('action_id').sudo().write({'stage_id': close.id})
        return True

    @api.multi
    def _eco_escalation_summary(self, level):
        self.ensure_one()
        if level >= 2:
            return _('Hazard rectification overdue, escalated to the safety '
                     'manager: %s') % self.name
        return _('Hazard rectification overdue: %s') % self.name
