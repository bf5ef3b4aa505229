# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape


class EcoOrderLesson(models.Model):
    _name = 'eco.order.lesson'
    _description = 'Lesson Learned'
    _order = 'review_id, id'

    review_id = fields.Many2one('eco.order.review', string='Review', required=True,
                                ondelete='cascade', index=True)
    company_id = fields.Many2one(related='review_id.company_id', store=True,
                                 readonly=True, string='Company')
    name = fields.Char(string='Lesson', required=True)
    owner_id = fields.Many2one('res.users', string='Owner',
                               default=lambda self: self.env.user)
    date_deadline = fields.Date(string='Deadline')
    action_id = fields.Many2one('mgmtsystem.action', string='Improvement Action',
                                readonly=True, copy=False)
    action_closed = fields.Boolean(
        string='Action Closed', compute='_compute_action_closed', store=True)
    changed_rule = fields.Reference(
        [('eco.order.type', 'Order Type'),
         ('eco.service.template', 'Service Template'),
         ('eco.delivery.check.template', 'Delivery Checklist'),
         ('eco.acceptance.criterion.template', 'Acceptance Criterion'),
         ('hr.course', 'Training')],
        string='Rule or Document Changed',
        help='Where the lesson was incorporated into the company\'s rules.')
    effect_verified = fields.Boolean(string='Effect Verified')

    @api.depends('action_id.stage_id.is_ending')
    def _compute_action_closed(self):
        for lesson in self:
            lesson.action_closed = bool(lesson.action_id.stage_id.is_ending)

    @api.multi
    def _eco_create_action(self):
        Action = self.env['mgmtsystem.action'].sudo()
        for lesson in self:
            description = _('Lesson from review %s (order %s): %s') % (
                lesson.review_id.name, lesson.review_id.order_id.name, lesson.name)
            lesson.action_id = Action.create({
                'name': lesson.name,
                'type_action': 'improvement',
                'user_id': (lesson.owner_id or self.env.user).id,
                'date_deadline': lesson.date_deadline,
                'description': '<p>%s</p>' % html_escape(description),
            })
        return True

    @api.multi
    def action_verify_effect(self):
        for lesson in self:
            if not lesson.action_closed:
                raise UserError(_('Close the improvement action of "%s" first.')
                                % lesson.name)
            if not lesson.changed_rule:
                raise UserError(_('Link the rule or document that "%s" changed.')
                                % lesson.name)
        self.write({'effect_verified': True})
        self.mapped('review_id')._eco_check_closed()
        return True
