# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Milestones, questions between departments, collaboration and progress of an
order (R3.2, R3.3, R7.1)."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .mail_thread import eco_sudo_as_actor

# order states that are milestone events
ECO_STATE_EVENTS = {'sent': 'quotation_sent', 'sale': 'contract_signed'}


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    eco_milestone_ids = fields.One2many(
        'eco.order.milestone', 'order_id', string='Milestones', copy=False)
    eco_milestone_progress = fields.Float(
        string='Milestone Progress (%)', compute='_compute_eco_milestone_progress',
        store=True, group_operator='avg')
    eco_overdue_milestone_count = fields.Integer(
        string='Overdue Milestones', compute='_compute_eco_overdue_milestone_count')
    eco_question_ids = fields.One2many(
        'eco.order.question', 'order_id', string='Questions', copy=False)
    eco_open_question_count = fields.Integer(
        string='Open Questions', compute='_compute_eco_open_question_count', store=True)
    eco_collaboration_ids = fields.One2many(
        'eco.order.collaboration', 'order_id', string='Collaboration Group', copy=False)
    eco_plan_progress = fields.Float(
        string='Plan Progress (%)', compute='_compute_eco_plan_progress', store=True,
        group_operator='avg')
    eco_progress_stage = fields.Selection([
        ('allocation', 'To Allocate'),
        ('acknowledgement', 'To Acknowledge'),
        ('execution', 'In Progress'),
        ('completed', 'Milestones Completed'),
    ], string='Progress Stage', compute='_compute_eco_progress_stage', store=True,
        index=True, group_expand='_eco_expand_progress_stages')

    @api.model
    def _eco_expand_progress_stages(self, values, domain, order):
        """Progress kanban columns in process order."""
        return [key for key, dummy in self._fields[
            'eco_progress_stage']._description_selection(self.env)]

    @api.depends('eco_milestone_ids.state')
    def _compute_eco_milestone_progress(self):
        for order in self:
            milestones = order.eco_milestone_ids
            done = len(milestones.filtered(lambda m: m.state == 'done'))
            order.eco_milestone_progress = milestones and 100.0 * done / len(milestones)

    @api.multi
    def _compute_eco_overdue_milestone_count(self):
        groups = self.env['eco.order.milestone'].read_group(
            [('order_id', 'in', self.ids), ('deadline_state', '=', 'overdue')],
            ['order_id'], ['order_id'])
        counts = {g['order_id'][0]: g['order_id_count'] for g in groups}
        for order in self:
            order.eco_overdue_milestone_count = counts.get(order.id, 0)

    @api.depends('eco_question_ids.state')
    def _compute_eco_open_question_count(self):
        groups = self.env['eco.order.question'].sudo().read_group(
            [('order_id', 'in', self.ids), ('state', '=', 'open')],
            ['order_id'], ['order_id'])
        counts = {g['order_id'][0]: g['order_id_count'] for g in groups}
        for order in self:
            order.eco_open_question_count = counts.get(order.id, 0)

    @api.depends('eco_collaboration_ids.progress')
    def _compute_eco_plan_progress(self):
        for order in self:
            order.eco_plan_progress = order.eco_collaboration_ids[:1].progress

    @api.depends('eco_project_lead_id', 'eco_ack_state', 'eco_milestone_ids.state')
    def _compute_eco_progress_stage(self):
        for order in self:
            if not order.eco_project_lead_id:
                order.eco_progress_stage = 'allocation'
            elif order.eco_ack_state == 'pending':
                order.eco_progress_stage = 'acknowledgement'
            elif order.eco_milestone_ids and all(
                    m.state == 'done' for m in order.eco_milestone_ids):
                order.eco_progress_stage = 'completed'
            else:
                order.eco_progress_stage = 'execution'

    @api.multi
    def write(self, vals):
        res = super(SaleOrder, self).write(vals)
        event = ECO_STATE_EVENTS.get(vals.get('state'))
        if event:
            self._eco_milestone_event(event)
        return res

    @api.multi
    def _eco_milestone_event(self, event):
        """``event`` happened on these orders (a MILESTONE_EVENTS code): their
        pending milestones tied to it are done. Add-ons call it from their own
        events (delivery done, installation finished...)."""
        milestones = self.sudo().mapped('eco_milestone_ids').filtered(
            lambda m: m.state == 'pending' and m.event == event)
        if milestones:
            eco_sudo_as_actor(milestones).action_done()
        return milestones

    @api.multi
    def _eco_after_allocation(self):
        res = super(SaleOrder, self)._eco_after_allocation()
        self._eco_create_milestones()
        self.filtered('eco_is_complex')._eco_create_collaboration()
        return res

    @api.multi
    def _eco_milestone_user(self, role):
        self.ensure_one()
        if role == 'team_manager':
            return self.team_id.user_id or self.eco_project_lead_id
        return self.eco_project_lead_id

    @api.multi
    def _eco_create_milestones(self):
        """Milestones from the order type's templates, due ``days_offset`` days
        after the acceptance (only for orders that have none yet)."""
        Milestone = self.env['eco.order.milestone'].sudo()
        for order in self:
            if order.eco_milestone_ids or not order.order_type_id:
                continue
            base = fields.Datetime.from_string(order._eco_accepted_date())
            for template in order.order_type_id.milestone_template_ids:
                Milestone.create({
                    'order_id': order.id,
                    'template_id': template.id,
                    'name': template.name,
                    'sequence': template.sequence,
                    'deadline': fields.Datetime.to_string(
                        base + timedelta(days=template.days_offset)),
                    'notify_customer': template.notify_customer,
                    'event': template.event,
                    'responsible_role': template.responsible_role,
                    'user_id': order._eco_milestone_user(template.responsible_role).id,
                })
        return True

    @api.multi
    def _eco_create_collaboration(self):
        Collaboration = self.env['eco.order.collaboration'].sudo()
        collaborations = Collaboration.browse()
        for order in self:
            if order.eco_collaboration_ids:
                collaborations |= order.eco_collaboration_ids
                continue
            collaborations |= Collaboration.create({
                'name': _('Collaboration group of %s') % order.name,
                'order_id': order.id,
                'member_ids': Collaboration._eco_default_members(),
            })
        return collaborations

    @api.multi
    def action_eco_create_collaboration(self):
        self.ensure_one()
        if self.eco_collaboration_ids:
            raise UserError(
                _('Order %s already has a collaboration group.') % self.name)
        collaboration = self._eco_create_collaboration()
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'eco.order.collaboration',
            'view_mode': 'form',
            'res_id': collaboration.id,
        }

    @api.multi
    def action_eco_view_collaboration(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Collaboration Group'),
            'res_model': 'eco.order.collaboration',
            'view_mode': 'form',
            'res_id': self.eco_collaboration_ids[:1].id,
        }

    @api.multi
    def _eco_sync_milestone_users(self):
        """After a re-assignment: pending milestones follow the new lead/leader."""
        for order in self:
            for milestone in order.eco_milestone_ids.filtered(
                    lambda m: m.state == 'pending'):
                user = order._eco_milestone_user(milestone.responsible_role)
                if user and milestone.user_id != user:
                    eco_sudo_as_actor(milestone).write({'user_id': user.id})
