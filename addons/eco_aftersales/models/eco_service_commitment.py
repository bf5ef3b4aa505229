# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Service commitment of an order: warranty, response times, maintenance (R11.1)."""
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .eco_service_template import WARRANTY_BASIS


class EcoServiceCommitment(models.Model):
    _name = 'eco.service.commitment'
    _description = 'Service Commitment'
    _inherit = 'eco.order.document.mixin'
    _eco_portal_path = '/my/service/commitment/%s'
    _order = 'id desc'

    state = fields.Selection(
        [('draft', 'Draft'), ('active', 'Active'), ('closed', 'Closed')],
        required=True, default='draft', readonly=True, copy=False, index=True,
        track_visibility='onchange')
    template_id = fields.Many2one(
        'eco.service.template', string='Template', ondelete='restrict',
        readonly=True, states={'draft': [('readonly', False)]})
    categ_id = fields.Many2one(
        'product.category', string='Product Category', readonly=True,
        states={'draft': [('readonly', False)]})
    warranty_months = fields.Integer(
        string='Warranty (Months)', default=12, track_visibility='onchange')
    warranty_basis = fields.Selection(
        WARRANTY_BASIS, string='Warranty Starts At', required=True,
        default='acceptance')
    warranty_start = fields.Date(
        compute='_compute_warranty', store=True,
        help='The acceptance date of the order, or the first commissioning of its '
             'equipment.')
    warranty_end = fields.Date(compute='_compute_warranty', store=True)
    maintenance_included = fields.Boolean(string='Maintenance Included')
    maintenance_interval = fields.Integer(
        string='Maintenance Every (Months)', default=3)
    response_time_ids = fields.One2many(
        'eco.service.response.time', 'commitment_id', string='Response Times',
        copy=True)
    equipment_ids = fields.One2many(
        'eco.equipment', 'eco_commitment_id', string='Equipment')
    maintenance_plan_ids = fields.One2many(
        'maintenance.plan', 'eco_commitment_id', string='Maintenance Plans')
    ticket_ids = fields.One2many(
        'helpdesk.ticket', 'eco_commitment_id', string='Tickets')
    note = fields.Text(string='Terms')

    @api.depends('warranty_basis', 'warranty_months',
                 'order_id.eco_acceptance_date', 'equipment_ids.installation_date')
    def _compute_warranty(self):
        for commitment in self:
            start = commitment._eco_warranty_start()
            commitment.warranty_start = start
            commitment.warranty_end = start and fields.Date.to_string(
                fields.Date.from_string(start)
                + relativedelta(months=commitment.warranty_months))

    @api.multi
    def _eco_warranty_start(self, equipment=None):
        """Start of the warranty (of ``equipment`` when given), or False."""
        self.ensure_one()
        if self.warranty_basis == 'acceptance':
            return self.order_id.eco_acceptance_date or False
        dates = (equipment or self.equipment_ids).filtered(
            'installation_date').mapped('installation_date')
        return min(dates) if dates else False

    @api.onchange('template_id')
    def _onchange_template_id(self):
        if self.template_id:
            self.update(self.template_id and self._eco_template_values(
                self.template_id))

    @api.model
    def _eco_template_values(self, template):
        return {
            'categ_id': template.categ_id.id,
            'warranty_months': template.warranty_months,
            'warranty_basis': template.warranty_basis,
            'maintenance_included': template.maintenance_included,
            'maintenance_interval': template.maintenance_interval,
            'note': template.note,
            'response_time_ids': [(5, 0, 0)] + [(0, 0, {
                'priority': line.priority,
                'first_response_hours': line.first_response_hours,
                'on_site_hours': line.on_site_hours,
                'resolution_hours': line.resolution_hours,
            }) for line in template.response_time_ids],
        }

    @api.multi
    def _eco_response_time(self, priority):
        """The response time line of ``priority`` (or empty)."""
        self.ensure_one()
        return self.response_time_ids.filtered(
            lambda l: l.priority == priority)[:1]

    @api.multi
    def action_activate(self):
        for commitment in self:
            if commitment.state != 'draft':
                raise UserError(_('Commitment %s is not a draft.') % commitment.name)
            if not commitment.response_time_ids:
                raise UserError(_('Commitment %s has no response times.')
                                % commitment.name)
        self.write({'state': 'active'})
        return True

    @api.multi
    def action_close(self):
        self.write({'state': 'closed'})
        return True

    @api.multi
    def action_create_maintenance_plans(self):
        """One maintenance plan per equipment of the commitment (maintenance_plan),
        and its visits up to the planning horizon."""
        Plan = self.env['maintenance.plan']
        plans = Plan
        for commitment in self:
            if not commitment.maintenance_included:
                raise UserError(_('Commitment %s does not include maintenance.')
                                % commitment.name)
            if not commitment.equipment_ids:
                raise UserError(_('Commitment %s has no equipment.')
                                % commitment.name)
            for equipment in commitment.equipment_ids:
                if commitment.maintenance_plan_ids.filtered(
                        lambda p: p.eco_equipment_id == equipment):
                    continue
                machine = equipment._eco_maintenance_equipment()
                plan = Plan.create({
                    'name': _('Service of %s') % equipment.name,
                    'equipment_id': machine.id,
                    'eco_commitment_id': commitment.id,
                    'eco_equipment_id': equipment.id,
                    'interval': commitment.maintenance_interval,
                    'interval_step': 'month',
                    'start_maintenance_date': commitment.warranty_start
                    or fields.Date.context_today(self),
                    'maintenance_plan_horizon': 1,
                    'planning_step': 'year',
                })
                machine._create_new_request(plan)
                plans |= plan
        return plans

    @api.multi
    def action_view_tickets(self):
        self.ensure_one()
        action = self.env.ref('helpdesk_mgmt.helpdesk_ticket_action').read()[0]
        action['domain'] = [('eco_commitment_id', '=', self.id)]
        return action
