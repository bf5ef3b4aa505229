# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The safety gate of every site job (R8.1, R8.2).

Extends eco_stock's ``eco.site.job.mixin``, so installation jobs and every
other kind of site job (maintenance visits) get:

- ``eco_safety_risk_ids``: the kinds of site work of the job (each model has
  its own relation table); the risks of the equipment categories worked on
  are added (``_eco_safety_risks()``);
- the qualification gate in ``_eco_check_technicians()`` (assignment and
  start): a ValidationError naming the person and the missing or expired
  qualification (``_eco_safety_check_qualifications()``);
- ``_eco_safety_check_site()``: the start gate of the site safety plan
  (approved plan, valid permits, no open high-severity hazard), called by the
  jobs' ``_eco_check_start()``; the plan is the job's own or the order-level
  plan of its order (``_eco_safety_effective_plan()``), which a job of the
  order takes when created (``_eco_safety_use_order_plan()``);
- ``_eco_safety_warn_expiring()``: an activity for the planner, once, when a
  qualification will not be valid on the day of a planned job.
"""
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html_escape


class EcoSiteJobMixin(models.AbstractModel):
    _inherit = 'eco.site.job.mixin'

    eco_safety_risk_ids = fields.Many2many(
        'eco.safety.risk', string='Safety Risks',
        help='Kinds of site work of the job: every technician needs their '
             'qualifications.')
    eco_safety_plan_id = fields.Many2one(
        'eco.safety.plan', string='Site Safety Plan', copy=False,
        ondelete='set null')
    eco_safety_gate = fields.Text(
        string='Qualification Check', compute='_compute_eco_safety_gate',
        help='Technicians missing a qualification for the risks of the job.')
    eco_safety_warned = fields.Char(
        string='Qualification Warning Sent', copy=False, readonly=True,
        help='The shortfalls the planner was warned of (warned once).')

    @api.multi
    def _compute_eco_safety_gate(self):
        for job in self:
            problems = job._eco_safety_problems()
            job.eco_safety_gate = '\n'.join(problems) or _('Everyone qualified')

    # ------------------------------------------------------------------ risks
    @api.multi
    def _eco_safety_risks(self):
        """The job's risks and those of the equipment categories worked on."""
        self.ensure_one()
        risks = self.eco_safety_risk_ids
        categories = self._eco_site_product_categories()
        if categories:
            risks |= self.env['eco.safety.risk'].sudo().search(
                [('categ_ids', 'parent_of', categories.ids)])
        return risks

    @api.multi
    def _eco_safety_shortfalls(self, date=None):
        """``[(employee, requirement, state, risk)]`` of the technicians lacking
        (missing) or having an expired qualification on ``date`` (default: the
        job's date)."""
        self.ensure_one()
        risks = self._eco_safety_risks()
        employees = self._eco_site_technicians()
        requirements = risks.mapped('requirement_ids')
        if not requirements or not employees:
            return []
        date = date or self._eco_site_date()
        missing = employees.sudo()._eco_missing_qualifications(requirements, date)
        result = []
        for employee in employees:
            for req, state, _rec in missing.get(employee.id, []):
                risk = risks.filtered(lambda r: req in r.requirement_ids)[:1]
                result.append((employee, req, state, risk))
        return result

    @api.multi
    def _eco_safety_problems(self, date=None):
        """Translated sentences naming the person and the qualification."""
        self.ensure_one()
        problems = []
        for employee, req, state, risk in self._eco_safety_shortfalls(date):
            if state == 'expired':
                text = _('%s: the qualification "%s" required for %s has expired '
                         '(job on %s).')
            else:
                text = _('%s: the qualification "%s" required for %s is missing '
                         '(job on %s).')
            problems.append(text % (employee.name, req.name, risk.name,
                                    date or self._eco_site_date()))
        return problems

    @api.multi
    def _eco_safety_check_qualifications(self):
        for job in self:
            problems = job._eco_safety_problems()
            if problems:
                raise ValidationError(
                    _('Job %s: these technicians may not do this work:\n%s') % (
                        job.display_name, '\n'.join(problems)))
        return True

    @api.multi
    def _eco_check_technicians(self):
        res = super(EcoSiteJobMixin, self)._eco_check_technicians()
        self._eco_safety_check_qualifications()
        return res

    # ------------------------------------------------------------------ site gate
    @api.multi
    def _eco_safety_check_site(self):
        """Raise (UserError) when the site safety plan does not allow the work
        to start now: plan approved, permits needed valid now, no open
        high-severity hazard."""
        now = fields.Datetime.now()
        for job in self:
            risks = job._eco_safety_risks()
            plan = job._eco_safety_effective_plan()
            if plan:
                risks |= plan.risk_ids
            if not risks and not plan:
                continue
            if not plan:
                raise UserError(_('Job %s has safety risks (%s): draw up its site '
                                  'safety plan first.') % (
                                      job.display_name,
                                      ', '.join(risks.mapped('name'))))
            if plan.state != 'approved':
                raise UserError(_('The site safety plan %s of job %s is not '
                                  'approved.') % (plan.name, job.display_name))
            permit_types = set(risks.filtered('permit_type').mapped('permit_type'))
            labels = dict(self.env['eco.safety.permit']._fields[
                'permit_type']._description_selection(self.env))
            for permit_type in sorted(permit_types):
                permits = plan.permit_ids.filtered(
                    lambda p: p.permit_type == permit_type and p.state == 'approved')
                if not permits:
                    raise UserError(_('Job %s needs an approved permit to work '
                                      '(%s).') % (job.display_name,
                                                  labels[permit_type]))
                if not permits.filtered(lambda p: p._eco_valid_at(now)):
                    permit = permits[0]
                    raise UserError(_('Job %s: now is outside the window of the '
                                      'permit to work %s (%s to %s).') % (
                                          job.display_name, permit.name,
                                          permit.date_from, permit.date_to))
            hazards = plan.hazard_ids.filtered(
                lambda h: h.severity == 'high' and h.state != 'closed')
            if hazards:
                raise UserError(_('Job %s is stopped by open high-severity hazards '
                                  'until verified closed: %s') % (
                                      job.display_name,
                                      ', '.join(hazards.mapped('name'))))
        return True

    # ------------------------------------------------------------------ plan
    @api.multi
    def _eco_safety_order(self):
        self.ensure_one()
        if 'order_id' in self._fields:
            return self.order_id
        return self.env['sale.order']

    @api.multi
    def _eco_safety_order_plan(self):
        """The open order-level plan of the job's order (superuser: the caller's
        right on the job was checked; the plan's own rules apply on reading)."""
        self.ensure_one()
        order = self._eco_safety_order()
        if not order:
            return self.env['eco.safety.plan']
        return self.env['eco.safety.plan'].sudo().search(
            [('order_id', '=', order.id), ('is_order_plan', '=', True),
             ('state', '!=', 'closed')], limit=1)

    @api.multi
    def _eco_safety_effective_plan(self):
        """The plan the job works under (superuser record): its own, else the
        order's plan."""
        self.ensure_one()
        return self.sudo().eco_safety_plan_id or self._eco_safety_order_plan()

    @api.multi
    def _eco_safety_use_order_plan(self):
        """Jobs without a plan take their order's plan; their technicians
        become workers of the plan they use."""
        for job in self:
            plan = job.sudo().eco_safety_plan_id
            if not plan:
                plan = job._eco_safety_order_plan()
                if plan:
                    job.sudo().eco_safety_plan_id = plan
            if plan:
                plan.sudo()._eco_add_workers(job._eco_site_technicians())
        return True

    @api.multi
    def action_eco_safety_plan(self):
        """Open the job's site safety plan: the order's plan if it has one,
        else drawn up from the job's risks."""
        self.ensure_one()
        self._eco_safety_use_order_plan()
        plan = self.eco_safety_plan_id
        if not plan:
            # creating the plan needs the safety officer's rights: once it is
            # created, linking it to the job needs no right on the job
            plan = self.env['eco.safety.plan']._eco_create_for_job(self)
            self.sudo().eco_safety_plan_id = plan
        return plan._eco_form_action()

    # ------------------------------------------------------------------ warning
    @api.multi
    def _eco_safety_planner(self):
        self.ensure_one()
        if 'user_id' in self._fields:
            return self.user_id
        return self.env['res.users']

    @api.multi
    def _eco_safety_warn_expiring(self):
        """An activity for the planner of each job whose technicians will not
        be qualified on the job's date; once per shortfall. Returns the jobs
        warned."""
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        warned = self.browse()
        vals_list = []
        for job in self:
            shortfalls = job._eco_safety_shortfalls()
            key = ','.join(sorted('%s-%s' % (e.id, r.id)
                                  for e, r, _s, _k in shortfalls))
            if not shortfalls or key == job.eco_safety_warned:
                continue
            planner = job._eco_safety_planner()
            if planner:
                vals_list.append({
                    'res_model_id': self.env['ir.model']._get(job._name).id,
                    'res_id': job.id,
                    'activity_type_id': activity_type.id,
                    'summary': _('Qualification not valid on the job date'),
                    'note': '<br/>'.join(
                        _('%s: %s') % (html_escape(e.name), html_escape(r.name))
                        for e, r, _s, _k in shortfalls),
                    'user_id': planner.id,
                    'date_deadline': fields.Date.context_today(job),
                })
            job.eco_safety_warned = key
            warned |= job
        self.env['mail.activity'].sudo()._eco_create_bulk(vals_list)
        return warned
