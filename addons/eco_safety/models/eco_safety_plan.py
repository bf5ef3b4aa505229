# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Site safety plan of a job (R8.2): risk assessment, PPE issued, operating
procedures, permits to work, safety briefing (安全技术交底) and inspections."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

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

    @api.depends('line_ids.score')
    def _compute_max_risk_score(self):
        for plan in self:
            plan.max_risk_score = max(plan.line_ids.mapped('score') or [0])

    @api.model
    def _eco_create_for_job(self, job):
        """A plan from the templates of the job's risks (hazards, PPE,
        permits)."""
        risks = job._eco_safety_risks()
        employees = job._eco_site_technicians()
        order = job._eco_safety_order()
        lines, ppe, permits = [], [], []
        for risk in risks:
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
        return self.create({
            'name': _('Safety plan of %s') % job.display_name,
            'job_ref': '%s,%s' % (job._name, job.id),
            'order_id': order.id,
            'risk_ids': [(6, 0, risks.ids)],
            'employee_ids': [(6, 0, employees.ids)],
            'line_ids': lines,
            'ppe_ids': ppe,
            'permit_ids': permits,
            'briefing': '\n'.join(r.procedure for r in risks if r.procedure),
        })

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
