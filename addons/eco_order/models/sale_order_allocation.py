# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Allocation of accepted orders and acknowledgement by the assignee (R3.1, R3.2)."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape
from odoo.tools.misc import split_every

from .eco_deadline_mixin import lock_rows_skip_locked, run_batches
from .res_config_settings_allocation import PARAM_ACK, PARAM_TEAM
from .mail_thread import eco_sudo_as_actor

MANAGER_GROUP = 'eco_order.group_eco_order_manager'
ALLOCATION_FIELDS = ('eco_project_lead_id', 'eco_allocation_rule_id')


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    order_type_id = fields.Many2one(
        'eco.order.type', string='Order Type', ondelete='restrict',
        track_visibility='onchange', index=True)
    business_area_id = fields.Many2one(
        'eco.business.area', string='Business Area', ondelete='restrict',
        track_visibility='onchange', index=True)
    eco_required_skill_ids = fields.Many2many(
        'eco.skill', 'sale_order_eco_skill_rel', 'order_id', 'skill_id',
        string='Required Capabilities')
    eco_complex_manual = fields.Boolean(
        string='Complex (manual)', help='Handle the order as a complex order '
        'even if its type is not complex.')
    eco_is_complex = fields.Boolean(
        string='Complex Order', compute='_compute_eco_is_complex', store=True)
    team_id = fields.Many2one(track_visibility='onchange')
    eco_project_lead_id = fields.Many2one(
        'res.users', string='Project Lead', track_visibility='onchange',
        index=True, copy=False)
    eco_allocation_rule_id = fields.Many2one(
        'eco.allocation.rule', string='Allocation Rule', copy=False,
        ondelete='set null')
    eco_allocation_date = fields.Datetime(
        string='Allocated On', copy=False,
        help='When a project lead was allocated (empty while nobody is).')
    eco_allocation_state = fields.Selection([
        ('none', 'Not Allocated'),
        ('rule', 'Allocated by Rule'),
        ('default_team', 'Default Team (no rule matched)'),
        ('unassigned', 'Unassigned (no rule matched, no default team)'),
        ('manual', 'Assigned by a Manager'),
    ], string='Allocation', default='none', required=True, copy=False,
        track_visibility='onchange',
        help='How the order was allocated when its request was accepted. With no '
             'matching rule (e.g. no order type or business area) it goes to the '
             'default team, whose leader allocates it by hand.')
    eco_ack_state = fields.Selection([
        ('none', 'Not Allocated'),
        ('pending', 'To Acknowledge'),
        ('done', 'Acknowledged'),
    ], string='Acknowledgement', default='none', required=True, copy=False,
        track_visibility='onchange')
    eco_ack_date = fields.Datetime(string='Acknowledged On', copy=False)
    eco_ack_deadline = fields.Datetime(string='Acknowledge Before', copy=False)
    eco_ack_escalation_level = fields.Integer(
        string='Acknowledgement Escalation', default=0, copy=False)

    @api.depends('order_type_id.complex', 'eco_complex_manual')
    def _compute_eco_is_complex(self):
        for order in self:
            order.eco_is_complex = (order.order_type_id.complex
                                    or order.eco_complex_manual)

    @api.multi
    def write(self, vals):
        user = self.env.user
        if any(f in vals for f in ALLOCATION_FIELDS) and not user._is_superuser() \
                and not user.has_group(MANAGER_GROUP):
            raise AccessError(_('Only order managers can re-assign an order.'))
        return super(SaleOrder, self).write(vals)

    # ------------------------------------------------------------------
    # Allocation
    # ------------------------------------------------------------------
    @api.multi
    def _eco_intake_accept_write(self, vals):
        """Accept and allocate in one write. The allocation fields are the order
        managers', so the write is done as the superuser, after checking that the
        acting user may write these orders."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        return self._eco_allocate(extra_vals=vals)

    @api.model
    def _eco_open_order_domain(self):
        return [('state', 'not in', ('done', 'cancel')),
                '|', ('state', '=', 'sale'), ('intake_state', '=', 'accepted')]

    @api.model
    def _eco_lead_loads(self, user_ids):
        """Open orders per project lead, with one read_group."""
        if not user_ids:
            return {}
        groups = self.sudo().read_group(
            self._eco_open_order_domain()
            + [('eco_project_lead_id', 'in', list(user_ids))],
            ['eco_project_lead_id'], ['eco_project_lead_id'])
        return {g['eco_project_lead_id'][0]: g['eco_project_lead_id_count']
                for g in groups}

    @api.model
    def _eco_default_team(self):
        value = self.env['ir.config_parameter'].sudo().get_param(PARAM_TEAM)
        try:
            team_id = int(value or 0)
        except ValueError:
            team_id = 0
        return self.env['crm.team'].sudo().browse(team_id).exists()

    @api.multi
    def _eco_accepted_date(self):
        self.ensure_one()
        return (self.intake_accepted_date or self.eco_allocation_date
                or fields.Datetime.now())

    @api.multi
    def _eco_allocate(self, extra_vals=None):
        """Choose team and project lead of each order with the allocation
        rules; orders no rule matches go to the default team. ``extra_vals`` are
        written with the allocation (the acceptance of the request)."""
        rules = self.env['eco.allocation.rule'].sudo().search([])
        loads = self._eco_lead_loads(rules.mapped('user_ids').ids)
        default_team = self._eco_default_team()
        now = fields.Datetime.now()
        ack_deadline = fields.Datetime.to_string(
            fields.Datetime.from_string(now) + timedelta(hours=self._eco_ack_delay()))
        activities = []
        for order in self:
            rule = user = None
            for candidate_rule in rules:
                if not candidate_rule._eco_matches(order):
                    continue
                user = candidate_rule._eco_pick_user(order, loads)
                if user:
                    rule = candidate_rule
                    break
            vals = dict(extra_vals or {}, eco_ack_escalation_level=0,
                        eco_ack_date=False)
            if rule:
                vals.update(eco_project_lead_id=user.id, eco_allocation_rule_id=rule.id,
                            eco_ack_state='pending', eco_ack_deadline=ack_deadline,
                            eco_allocation_date=now, eco_allocation_state='rule')
                if rule.team_id:
                    vals['team_id'] = rule.team_id.id
                loads[user.id] = loads.get(user.id, 0) + 1
            else:
                vals.update(eco_project_lead_id=False, eco_allocation_rule_id=False,
                            eco_ack_state='none', eco_ack_deadline=False,
                            eco_allocation_date=False,
                            eco_allocation_state='default_team' if default_team
                            else 'unassigned')
                if default_team:
                    vals['team_id'] = default_team.id
            eco_sudo_as_actor(order).write(vals)
            if rule:
                order._eco_notify_lead()
            else:
                activities += order._eco_notify_unallocated()
            order._eco_after_allocation()
        # the hand-allocation activities of the batch, in one insert
        self.env['mail.activity'].sudo()._eco_create_bulk(activities)
        return True

    @api.multi
    def _eco_after_allocation(self):
        """Hook run after each allocation (milestones, collaboration group)."""
        return True

    @api.multi
    def _eco_notify_lead(self):
        self.ensure_one()
        lead = self.eco_project_lead_id
        self.sudo().message_subscribe_users(user_ids=lead.ids)
        self.message_post(
            body=_('Order allocated to %s (rule: %s). Please acknowledge receipt.')
            % (html_escape(lead.name),
               html_escape(self.eco_allocation_rule_id.name or '')),
            partner_ids=lead.partner_id.ids, subtype='mail.mt_note')

    @api.multi
    def _eco_notify_unallocated(self):
        """No rule matched: the leader of the order's team allocates by hand.
        Returns the values of his to-do activity: a list, empty when the team has
        no leader (the tracked allocation state and the form's warning say then
        that nobody was allocated)."""
        self.ensure_one()
        manager = self.team_id.user_id
        if not manager:
            return []
        return [{
            'res_model_id': self.env['ir.model']._get(self._name).id,
            'res_id': self.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
            'summary': _('Allocate order %s by hand') % self.name,
            'note': _('No allocation rule matched this order.'),
            'user_id': manager.id,
            'date_deadline': fields.Date.context_today(self),
        }]

    @api.multi
    def action_eco_reassign(self):
        self.ensure_one()
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(_('Only order managers can re-assign an order.'))
        return {
            'type': 'ir.actions.act_window',
            'name': _('Re-assign Order'),
            'res_model': 'eco.order.reassign',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_order_id': self.id},
        }

    # ------------------------------------------------------------------
    # Acknowledgement
    # ------------------------------------------------------------------
    @api.model
    def _eco_ack_delay(self):
        value = self.env['ir.config_parameter'].sudo().get_param(PARAM_ACK, 4.0)
        try:
            return float(value)
        except (TypeError, ValueError):
            return 4.0

    @api.multi
    def action_eco_acknowledge(self):
        is_manager = self.env.user.has_group(MANAGER_GROUP)
        for order in self:
            if order.eco_ack_state != 'pending':
                raise UserError(_('Order %s has no allocation to acknowledge.')
                                % order.name)
            if order.eco_project_lead_id != self.env.user and not is_manager:
                raise AccessError(_('Only the project lead of order %s or an order '
                                    'manager can acknowledge it.') % order.name)
        eco_sudo_as_actor(self).write({'eco_ack_state': 'done',
                                       'eco_ack_date': fields.Datetime.now()})
        for order in self:
            order.message_post(
                body=_('Receipt acknowledged by %s.') % html_escape(self.env.user.name),
                subtype='mail.mt_note')
        return True

    @api.model
    def _cron_eco_ack_escalate(self, batch_size=500):
        """Notify the team leader of orders not acknowledged in time."""
        now = fields.Datetime.now()
        ids = self.search([('eco_ack_state', '=', 'pending'),
                           ('eco_ack_deadline', '<', now),
                           ('eco_ack_escalation_level', '=', 0)]).ids
        return run_batches(self, '_eco_ack_escalate_batch',
                           split_every(batch_size, ids, list))

    @api.model
    def _eco_ack_escalate_batch(self, batch):
        """Escalate the orders of ``batch`` still pending (rows locked first)."""
        rows = lock_rows_skip_locked(
            self.env.cr, self._table, batch,
            ('id', 'eco_ack_state', 'eco_ack_escalation_level'))
        orders = self.browse([
            r['id'] for r in rows
            if r['eco_ack_state'] == 'pending' and not r['eco_ack_escalation_level']])
        activity_type = self.env.ref('eco_order.mail_activity_type_eco_escalation')
        model_id = self.env['ir.model']._get(self._name).id
        vals_list = []
        for order in orders:
            user = order.team_id.user_id or order.eco_project_lead_id
            if user:
                vals_list.append({
                    'res_model_id': model_id,
                    'res_id': order.id,
                    'activity_type_id': activity_type.id,
                    'summary': _('Order %s not acknowledged by %s') % (
                        order.name, order.eco_project_lead_id.name),
                    'user_id': user.id,
                    'date_deadline': fields.Date.context_today(self),
                })
        # one bulk insert per batch: a constant number of queries
        self.env['mail.activity'].sudo()._eco_create_bulk(vals_list)
        if orders:
            orders.sudo().write({'eco_ack_escalation_level': 1})
        return len(orders)
