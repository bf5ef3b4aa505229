# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Site safety plan of a job or of an order with site work (R8.2): risk
assessment, PPE issued, operating procedures, permits to work, safety briefing
(安全技术交底) and inspections.

A plan hangs on a job (``job_ref``) or, before any job exists, on an order
(``is_order_plan``: ``order_id`` set, no job): the jobs of that order created
later use the order's plan (``eco.site.job.mixin._eco_safety_effective_plan``),
its workers are the technicians of those jobs."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.eco_order.models.eco_deadline_mixin import lock_rows_skip_locked

PLAN_STATES = [
    ('draft', 'Draft'),
    ('approved', 'Approved'),
    ('closed', 'Closed'),
]


class EcoSafetyPlan(models.Model):
    _name = 'eco.safety.plan'
    _description = 'Site Safety Plan'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'id desc'

    name = fields.Char(required=True, track_visibility='onchange')
    job_ref = fields.Reference(
        selection='_selection_job_ref', string='Site Job', readonly=True)
    order_id = fields.Many2one('sale.order', string='Order', index=True)
    partner_id = fields.Many2one(
        related='order_id.partner_id', string='Customer', store=True,
        readonly=True)
    company_id = fields.Many2one(
        'res.company', default=lambda self: self.env.user.company_id)
    user_id = fields.Many2one(
        'res.users', string='Safety Officer', default=lambda self: self.env.user,
        track_visibility='onchange')
    risk_ids = fields.Many2many(
        'eco.safety.risk', 'eco_safety_plan_risk_rel', 'plan_id', 'risk_id',
        string='Kinds of Work')
    employee_ids = fields.Many2many(
        'hr.employee', 'eco_safety_plan_employee_rel', 'plan_id', 'employee_id',
        string='Workers')
    line_ids = fields.One2many('eco.safety.risk.line', 'plan_id',
                               string='Risk Assessment')
    ppe_ids = fields.One2many('eco.safety.ppe.issue', 'plan_id', string='PPE Issued')
    permit_ids = fields.One2many('eco.safety.permit', 'plan_id',
                                 string='Permits to Work')
    inspection_ids = fields.One2many('eco.safety.inspection', 'plan_id',
                                     string='Inspections')
    hazard_ids = fields.One2many('eco.safety.hazard', 'plan_id', string='Hazards')
    procedure_ids = fields.Many2many(
        'ir.attachment', 'eco_safety_plan_attachment_rel', 'plan_id',
        'attachment_id', string='Operating Procedures')
    procedure_links = fields.Text(string='Procedure Links')
    briefing = fields.Text(string='Safety Briefing')
    state = fields.Selection(PLAN_STATES, default='draft', required=True,
                             readonly=True, copy=False, track_visibility='onchange')
    approved_by = fields.Many2one('res.users', readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    is_order_plan = fields.Boolean(
        string='Order-Level Plan', compute='_compute_is_order_plan', store=True,
        help='A plan of the order (no job yet): the site jobs of the order use it.')
    max_risk_score = fields.Integer(compute='_compute_max_risk_score', store=True)
    inspection_template_id = fields.Many2one(
        'eco.safety.checklist.template', string='Inspection Checklist')
    inspection_interval_days = fields.Integer(
        string='Inspect Every (Days)', default=0,
        help='0: ad-hoc inspections only.')
    next_inspection_date = fields.Date(string='Next Inspection')

    @api.model
    def _selection_job_ref(self):
        return sorted(
            (name, model._description) for name, model in self.env.registry.items()
            if not model._abstract and not model._transient
            and 'eco_safety_plan_id' in model._fields)

    @api.depends('order_id', 'job_ref')
    def _compute_is_order_plan(self):
        for plan in self:
            plan.is_order_plan = bool(plan.order_id and not plan.job_ref)

    @api.constrains('order_id', 'job_ref', 'state')
    def _check_one_order_plan(self):
        for plan in self.filtered(lambda p: p.is_order_plan and p.state != 'closed'):
            others = self.sudo().search_count([
                ('id', '!=', plan.id), ('order_id', '=', plan.order_id.id),
                ('is_order_plan', '=', True), ('state', '!=', 'closed')])
            if others:
                raise ValidationError(_('Order %s already has an open site safety '
                                        'plan.') % plan.order_id.name)

    @api.depends('line_ids.score')
    def _compute_max_risk_score(self):
        for plan in self:
            plan.max_risk_score = max(plan.line_ids.mapped('score') or [0])

    @api.model
    def _eco_template_values(self, risks, employees, skip_risks=None):
        """Risk assessment lines, PPE issues and permits from the templates of
        ``risks`` (those of ``skip_risks`` left out) for ``employees``."""
        lines, ppe, permits = [], [], []
        for risk in risks - (skip_risks or risks.browse()):
            for hazard in (risk.hazard_template or '').splitlines():
                if hazard.strip():
                    lines.append((0, 0, {'risk_id': risk.id, 'hazard': hazard.strip(),
                                         'likelihood': '3', 'severity': '3'}))
            for item in (risk.ppe_template or '').split(','):
                for employee in employees:
                    if item.strip():
                        ppe.append((0, 0, {'employee_id': employee.id,
                                           'name': item.strip()}))
            if risk.permit_type:
                permits.append((0, 0, {'permit_type': risk.permit_type,
                                       'requester_id': self.env.user.id}))
        return {'line_ids': lines, 'ppe_ids': ppe, 'permit_ids': permits}

    @api.multi
    def _eco_form_action(self):
        """The window action that opens this plan's form."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'res_model': self._name,
            'res_id': self.id,
            'view_mode': 'form',
            'target': 'current',
        }

    @api.model
    def _eco_create_for_job(self, job):
        """A plan from the templates of the job's risks (hazards, PPE,
        permits)."""
        risks = job._eco_safety_risks()
        employees = job._eco_site_technicians()
        order = job._eco_safety_order()
        vals = self._eco_template_values(risks, employees)
        vals.update({
            'name': _('Safety plan of %s') % job.display_name,
            'job_ref': '%s,%s' % (job._name, job.id),
            'order_id': order.id,
            'risk_ids': [(6, 0, risks.ids)],
            'employee_ids': [(6, 0, employees.ids)],
            'briefing': '\n'.join(r.procedure for r in risks if r.procedure),
        })
        return self.create(vals)

    @api.model
    def _eco_create_for_order(self, order, risks=None):
        """The order-level plan of ``order`` (no job needed) from the templates
        of ``risks`` (default: the kinds of work of the order's products). The
        open jobs of the order without a plan of their own use it."""
        if order.state == 'cancel':
            raise UserError(_('Order %s is cancelled: no site safety plan.')
                            % order.name)
        if risks is None:
            risks = order._eco_safety_risks()
        jobs = order._eco_safety_jobs().filtered(
            lambda j: not j.eco_safety_plan_id
            and j.state not in ('passed', 'signed', 'cancelled'))
        employees = jobs.mapped('technician_ids')
        vals = self._eco_template_values(risks, employees)
        vals.update({
            'name': _('Safety plan of order %s') % order.name,
            'order_id': order.id,
            'risk_ids': [(6, 0, risks.ids)],
            'employee_ids': [(6, 0, employees.ids)],
            'briefing': '\n'.join(r.procedure for r in risks if r.procedure),
        })
        plan = self.create(vals)
        # linking the plan to the jobs needs no right on the jobs (the plan
        # was created with the safety officer's rights)
        jobs.sudo().write({'eco_safety_plan_id': plan.id})
        return plan

    @api.multi
    def action_load_templates(self):
        """Add the template lines, PPE and permits of the plan's kinds of work
        that are not in the plan yet (a plan drawn up for an order chosen by
        the planner, kinds of work added later)."""
        for plan in self:
            if plan.state != 'draft':
                raise UserError(_('Plan %s is not a draft.') % plan.name)
            vals = self._eco_template_values(
                plan.risk_ids, plan.employee_ids,
                skip_risks=plan.line_ids.mapped('risk_id'))
            issued = {(p.employee_id.id, p.name) for p in plan.ppe_ids}
            permit_types = set(plan.permit_ids.mapped('permit_type'))
            vals['ppe_ids'] = [
                cmd for cmd in vals['ppe_ids']
                if (cmd[2]['employee_id'], cmd[2]['name']) not in issued]
            vals['permit_ids'] = [
                cmd for cmd in vals['permit_ids']
                if cmd[2]['permit_type'] not in permit_types]
            plan.write(vals)
        return True

    @api.multi
    def _eco_add_workers(self, employees):
        """Add ``employees`` (technicians of a job using the plan) as workers,
        with the PPE of the plan's kinds of work to issue to them."""
        for plan in self:
            new = employees - plan.employee_ids
            if not new:
                continue
            ppe = []
            for risk in plan.risk_ids:
                for item in (risk.ppe_template or '').split(','):
                    for employee in new:
                        if item.strip():
                            ppe.append((0, 0, {'employee_id': employee.id,
                                               'name': item.strip()}))
            plan.write({'employee_ids': [(4, e.id) for e in new], 'ppe_ids': ppe})
        return True

    @api.multi
    def action_approve(self):
        for plan in self:
            if plan.state != 'draft':
                raise UserError(_('Plan %s is not a draft.') % plan.name)
            if not plan.line_ids:
                raise UserError(_('Plan %s has no risk assessment.') % plan.name)
        self.write({'state': 'approved', 'approved_by': self.env.uid,
                    'approved_date': fields.Datetime.now()})
        return True

    @api.multi
    def action_draft(self):
        self.write({'state': 'draft', 'approved_by': False, 'approved_date': False})
        return True

    @api.multi
    def action_close(self):
        self.mapped('permit_ids').filtered(
            lambda p: p.state == 'approved').action_close()
        self.write({'state': 'closed'})
        return True

    @api.multi
    def action_new_inspection(self):
        self.ensure_one()
        inspection = self.env['eco.safety.inspection'].create({
            'plan_id': self.id,
            'template_id': self.inspection_template_id.id,
        })
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'eco.safety.inspection',
            'res_id': inspection.id,
            'view_mode': 'form',
        }

    @api.model
    def _cron_eco_schedule_inspections(self, batch_size=200):
        """Create the inspections due of approved plans (one per due date)."""
        today = fields.Date.context_today(self)
        ids = self.sudo().search([
            ('state', '=', 'approved'), ('inspection_interval_days', '>', 0),
            ('inspection_template_id', '!=', False),
            ('next_inspection_date', '<=', today)]).ids
        done = 0
        for start in range(0, len(ids), batch_size):
            rows = lock_rows_skip_locked(self.env.cr, self._table,
                                         ids[start:start + batch_size],
                                         ('id', 'next_inspection_date'))
            for plan in self.sudo().browse([r['id'] for r in rows]):
                self.env['eco.safety.inspection'].sudo().create({
                    'plan_id': plan.id,
                    'template_id': plan.inspection_template_id.id,
                    'date': plan.next_inspection_date,
                    'inspector_id': plan.user_id.id,
                })
                plan.next_inspection_date = fields.Date.to_string(
                    fields.Date.from_string(today)
                    + timedelta(days=plan.inspection_interval_days))
                done += 1
        return done
