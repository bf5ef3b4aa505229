# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""After-sales tickets: customer, order, serial, warranty, SLA and escalation
(R11.1, R11.2).

The SLA deadlines (first response, resolution) are planned in the company's
working calendar from the ticket's start, plus the working hours the ticket
spent in a pause stage (waiting on the customer). ``deadline`` (eco.deadline.mixin)
is the next open SLA deadline, empty while paused; the mixin's cron escalates it
to the assignee (level 1) and the team manager (level 2), once per level.
"""
import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError

DEFAULT_HOURS = {'first_response': 8.0, 'resolution': 40.0}


class HelpdeskTicket(models.Model):
    _name = 'helpdesk.ticket'
    _inherit = ['helpdesk.ticket', 'eco.deadline.mixin']
    _deadline_manager_field = 'team_id.eco_manager_id'
    _deadline_grace_param = 'eco_aftersales.sla_grace_hours'
    _deadline_grace_default = 4.0

    eco_order_id = fields.Many2one(
        'sale.order', string='Order', index=True, ondelete='set null',
        track_visibility='onchange')
    eco_equipment_id = fields.Many2one(
        'eco.equipment', string='Equipment (Serial)', index=True,
        ondelete='set null', track_visibility='onchange')
    eco_commitment_id = fields.Many2one(
        'eco.service.commitment', string='Service Commitment', index=True,
        ondelete='set null')
    eco_chargeable = fields.Boolean(
        string='Chargeable', compute='_compute_eco_chargeable', store=True,
        help='The equipment was out of warranty when the ticket was opened.')
    eco_quotation_id = fields.Many2one(
        'sale.order', string='Repair Quotation', copy=False, readonly=True)
    eco_sla_start = fields.Datetime(
        string='SLA Start', default=fields.Datetime.now, copy=False)
    eco_first_response_due = fields.Datetime(
        string='First Response Due', readonly=True, copy=False)
    eco_resolution_due = fields.Datetime(
        string='Resolution Due', readonly=True, copy=False)
    eco_first_response_date = fields.Datetime(
        string='First Response', readonly=True, copy=False)
    eco_sla_pause_start = fields.Datetime(string='Paused Since', readonly=True,
                                          copy=False)
    eco_sla_paused_hours = fields.Float(
        string='Paused (Working Hours)', readonly=True, copy=False)
    eco_sla_breached = fields.Boolean(
        string='SLA Breached', readonly=True, copy=False, index=True)
    eco_sla_breach_date = fields.Datetime(string='Breached On', readonly=True,
                                          copy=False)
    eco_survey_input_id = fields.Many2one(
        'survey.user_input', string='Satisfaction Survey', readonly=True,
        copy=False)
    eco_classification = fields.Selection(
        related='partner_id.commercial_partner_id.eco_effective_classification',
        string='Customer Classification', readonly=True)

    @api.depends('eco_equipment_id.warranty_end', 'eco_sla_start')
    def _compute_eco_chargeable(self):
        for ticket in self:
            equipment = ticket.eco_equipment_id
            date = (ticket.eco_sla_start or fields.Datetime.now())[:10]
            ticket.eco_chargeable = bool(
                equipment and not equipment._eco_is_under_warranty(date))

    @api.onchange('eco_equipment_id')
    def _onchange_eco_equipment_id(self):
        if self.eco_equipment_id:
            self.update(self._eco_values_from_equipment(self.eco_equipment_id))

    @api.model
    def _eco_values_from_equipment(self, equipment):
        return {
            'eco_order_id': equipment.order_id.id,
            'eco_commitment_id': equipment.eco_commitment_id.id,
            'partner_id': equipment.partner_id.id,
        }

    # ------------------------------------------------------------------ CRUD
    @api.model
    def create(self, vals):
        equipment = self.env['eco.equipment'].browse(vals.get('eco_equipment_id'))
        if equipment:
            for key, value in self._eco_values_from_equipment(equipment).items():
                if value:
                    vals.setdefault(key, value)
        ticket = super(HelpdeskTicket, self).create(vals)
        ticket._eco_sla_update()
        return ticket

    @api.multi
    def write(self, vals):
        if self.env.context.get('eco_sla_writing'):
            return super(HelpdeskTicket, self).write(vals)
        pause_before = {t.id: t.stage_id.eco_sla_pause for t in self}
        res = super(HelpdeskTicket, self).write(vals)
        if 'stage_id' in vals:
            now = self._eco_now()
            for ticket in self:
                paused = ticket.stage_id.eco_sla_pause
                if paused and not pause_before[ticket.id]:
                    ticket.with_context(eco_sla_writing=True).write(
                        {'eco_sla_pause_start': now})
                elif not paused and pause_before[ticket.id]:
                    ticket._eco_sla_resume(now)
            closed = self.filtered('closed')
            if closed:
                closed._eco_on_close()
        if set(vals) & {'stage_id', 'priority', 'eco_commitment_id', 'eco_sla_start',
                        'eco_first_response_date', 'eco_equipment_id'}:
            self._eco_sla_update()
        return res

    @api.multi
    def message_post(self, body='', subject=None, message_type='notification',
                     subtype=None, parent_id=False, attachments=None,
                     content_subtype='html', **kwargs):
        """A reply of an internal user to the customer is the first response."""
        message = super(HelpdeskTicket, self).message_post(
            body=body, subject=subject, message_type=message_type, subtype=subtype,
            parent_id=parent_id, attachments=attachments,
            content_subtype=content_subtype, **kwargs)
        if (message_type == 'comment' and subtype == 'mail.mt_comment'
                and not self.env.user.share):
            self.filtered(lambda t: not t.eco_first_response_date).sudo().write(
                {'eco_first_response_date': self._eco_now()})
        return message

    # ------------------------------------------------------------------ SLA
    @api.model
    def _eco_now(self):
        return self.env.context.get('eco_sla_now') or fields.Datetime.now()

    @api.multi
    def _eco_sla_calendar(self):
        """The company's working calendar, in the company's time zone."""
        self.ensure_one()
        company = self.company_id or self.env.user.company_id
        calendar = company.resource_calendar_id or self.env.ref(
            'resource.resource_calendar_std')
        tz = company.partner_id.tz or self.env.user.tz or 'UTC'
        return calendar.with_context(tz=tz)

    @api.multi
    def _eco_sla_hours(self):
        """``{'first_response': h, 'resolution': h}`` (working hours) of the
        ticket's priority in its commitment, or the company defaults."""
        self.ensure_one()
        line = self.eco_commitment_id._eco_response_time(self.priority) \
            if self.eco_commitment_id else False
        if line:
            return {'first_response': line.first_response_hours,
                    'resolution': line.resolution_hours}
        params = self.env['ir.config_parameter'].sudo()
        return {key: float(params.get_param(
            'eco_aftersales.default_%s_hours' % key, value))
            for key, value in DEFAULT_HOURS.items()}

    @api.multi
    def _eco_plan(self, hours):
        self.ensure_one()
        calendar = self._eco_sla_calendar()
        start = fields.Datetime.from_string(self.eco_sla_start or self.create_date)
        due = calendar.plan_hours(hours, start)
        return due and fields.Datetime.to_string(due.replace(microsecond=0))

    @api.multi
    def _eco_sla_update(self):
        """Recompute the SLA deadlines and the escalation deadline."""
        for ticket in self:
            hours = ticket._eco_sla_hours()
            paused = ticket.eco_sla_paused_hours
            vals = {
                'eco_first_response_due': ticket._eco_plan(
                    hours['first_response'] + paused),
                'eco_resolution_due': ticket._eco_plan(hours['resolution'] + paused),
                'date_done': ticket.closed_date if ticket.closed else False,
            }
            if ticket.closed or ticket.stage_id.eco_sla_pause:
                deadline = ticket.deadline if ticket.closed else False
            elif not ticket.eco_first_response_date:
                deadline = vals['eco_first_response_due']
            else:
                deadline = vals['eco_resolution_due']
            if deadline != ticket.deadline:
                vals['deadline'] = deadline
            ticket.with_context(eco_sla_writing=True).write(vals)
        return True

    @api.multi
    def _eco_sla_resume(self, now):
        """Leaving a pause stage: the working hours paused extend the SLA."""
        for ticket in self.filtered('eco_sla_pause_start'):
            calendar = ticket._eco_sla_calendar()
            hours = calendar.get_work_hours_count(
                fields.Datetime.from_string(ticket.eco_sla_pause_start),
                fields.Datetime.from_string(now), None, compute_leaves=False)
            ticket.with_context(eco_sla_writing=True).write({
                'eco_sla_paused_hours': ticket.eco_sla_paused_hours + round(hours, 2),
                'eco_sla_pause_start': False,
            })

    @api.multi
    def _eco_on_close(self):
        """Closing: breach when late, then the satisfaction survey (once)."""
        for ticket in self:
            due = ticket.eco_resolution_due
            if due and ticket.closed_date and ticket.closed_date > due \
                    and not ticket.eco_sla_breached:
                ticket.with_context(eco_sla_writing=True).write({
                    'eco_sla_breached': True, 'eco_sla_breach_date': due})
        self.sudo()._eco_send_satisfaction_survey()

    @api.multi
    def _eco_send_satisfaction_survey(self):
        Input = self.env['survey.user_input']
        survey = Input._eco_survey('ticket')
        inputs = Input
        if not survey:
            return inputs
        for ticket in self.filtered(
                lambda t: not t.eco_survey_input_id and t.partner_id):
            employees = self.env['hr.employee'].search(
                [('user_id', '=', ticket.user_id.id)]) if ticket.user_id else []
            user_input = Input._eco_invite(
                survey, ticket.partner_id, ticket, ticket_id=ticket.id,
                order_id=ticket.eco_order_id.id,
                employee_ids=[(6, 0, employees and employees.ids or [])])
            ticket.with_context(eco_sla_writing=True).write(
                {'eco_survey_input_id': user_input.id})
            inputs |= user_input
        return inputs

    # ------------------------------------------------------------------ escalation
    @api.multi
    def _eco_escalation_summary(self, level):
        self.ensure_one()
        if level >= 2:
            return _('SLA breached, escalated to the team manager: %s') % (
                self.display_name)
        return _('SLA breached: %s') % self.display_name

    @api.multi
    def _eco_escalate(self, level):
        res = super(HelpdeskTicket, self)._eco_escalate(level)
        new = self.filtered(lambda t: not t.eco_sla_breached)
        if new:
            new.with_context(eco_sla_writing=True).write({
                'eco_sla_breached': True,
                'eco_sla_breach_date': fields.Datetime.now()})
        return res

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_eco_first_response(self):
        self.filtered(lambda t: not t.eco_first_response_date).write(
            {'eco_first_response_date': self._eco_now()})
        return True

    @api.multi
    def action_eco_create_quotation(self):
        """A repair quotation for a ticket on out-of-warranty equipment."""
        self.ensure_one()
        if not self.eco_chargeable:
            raise UserError(_('Ticket %s is under warranty: it is not chargeable.')
                            % self.number)
        if self.eco_quotation_id:
            raise UserError(_('Ticket %s already has a quotation.') % self.number)
        if not self.partner_id:
            raise UserError(_('Set the customer of ticket %s first.') % self.number)
        product = self.env.ref('eco_aftersales.product_product_eco_repair_service')
        order = self.env['sale.order'].create({
            'partner_id': self.partner_id.commercial_partner_id.id,
            'origin': self.number,
            'order_line': [(0, 0, {
                'product_id': product.id,
                'name': _('Repair of %s (ticket %s)') % (
                    self.eco_equipment_id.name, self.number),
                'product_uom_qty': 1.0,
            })],
        })
        self.write({'eco_quotation_id': order.id})
        return {
            'type': 'ir.actions.act_window', 'res_model': 'sale.order',
            'res_id': order.id, 'view_mode': 'form',
        }

    @api.multi
    def _eco_portal_due_local(self, field):
        """A due time in the customer's time zone, for the portal."""
        self.ensure_one()
        value = self[field]
        if not value:
            return ''
        tz = pytz.timezone(self.partner_id.tz or self.env.user.tz or 'UTC')
        local = pytz.UTC.localize(fields.Datetime.from_string(value)).astimezone(tz)
        return local.strftime('%Y-%m-%d %H:%M')
