# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Installation and commissioning job of an order (R6.3, R10.1).

State flow: draft -> planned -> in_progress -> passed / failed -> signed
(cancelled from any open state). Extension points (eco_safety adds its
qualification gate there):

- ``_eco_check_start()``: raises a UserError when the job may not start; by
  default the job must be planned and ``_eco_check_technicians()`` pass;
- ``_eco_check_technicians()`` (from ``eco.site.job.mixin``): raises when the
  technicians may not work on the job; by default at least one technician is
  assigned.

A failed commissioning measurement fails the job, opens an eco_order
rectification and blocks the customer's sign-off; the order cannot be declared
ready for delivery nor accepted before every job of it passed.
"""
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from odoo.addons.eco_order.models.mail_thread import eco_sudo_as_actor

JOB_STATES = [
    ('draft', 'Draft'),
    ('planned', 'Planned'),
    ('in_progress', 'In Progress'),
    ('failed', 'Commissioning Failed'),
    ('passed', 'Commissioning Passed'),
    ('signed', 'Signed Off'),
    ('cancelled', 'Cancelled'),
]
PASSED_STATES = ('passed', 'signed')


class EcoInstallationJob(models.Model):
    _name = 'eco.installation.job'
    _description = 'Installation and Commissioning Job'
    _inherit = ['eco.order.document.mixin', 'eco.site.job.mixin']
    _eco_portal_path = '/my/installation/%s'
    _order = 'planned_start desc, id desc'

    team_id = fields.Many2one(
        'hr.department', string='Installation Team', track_visibility='onchange')
    team_leader_id = fields.Many2one(
        'hr.employee', string='Team Leader', track_visibility='onchange')
    technician_ids = fields.Many2many(
        'hr.employee', 'eco_installation_job_employee_rel', 'job_id', 'employee_id',
        string='Technicians')
    user_id = fields.Many2one(
        'res.users', string='Responsible', default=lambda self: self.env.user,
        track_visibility='onchange')
    planned_start = fields.Datetime(track_visibility='onchange')
    planned_end = fields.Datetime(track_visibility='onchange')
    date_started = fields.Datetime(readonly=True, copy=False)
    date_commissioned = fields.Datetime(readonly=True, copy=False)
    site_address = fields.Text()
    contact_name = fields.Char(string='Site Contact')
    contact_phone = fields.Char(string='Contact Phone')
    standard_ids = fields.Many2many(
        'eco.environmental.standard', 'eco_installation_job_standard_rel', 'job_id',
        'standard_id', string='Standards to Meet')
    check_ids = fields.One2many('eco.installation.check', 'job_id', string='Checklist')
    measurement_ids = fields.One2many(
        'eco.installation.measurement', 'job_id', string='Measurements')
    photo_ids = fields.Many2many(
        'ir.attachment', 'eco_installation_job_photo_rel', 'job_id', 'attachment_id',
        string='Photos')
    rectification_ids = fields.One2many(
        'eco.rectification', 'eco_installation_job_id', string='Rectifications')
    equipment_ids = fields.One2many('eco.equipment', 'job_id', string='Equipment')
    state = fields.Selection(
        JOB_STATES, required=True, default='draft', readonly=True, copy=False,
        index=True, track_visibility='onchange')
    commissioning_result = fields.Selection(
        [('none', 'Not Measured'), ('failed', 'Failed'), ('passed', 'Passed')],
        required=True, default='none', readonly=True, copy=False,
        track_visibility='onchange')
    signed_by = fields.Char(readonly=True, copy=False)
    signature = fields.Binary(string='Customer Signature', attachment=True, copy=False)
    signature_text = fields.Char(string='Typed Signature', readonly=True, copy=False)
    signed_date = fields.Datetime(readonly=True, copy=False)
    signed_ip = fields.Char(string='Signed From (IP)', readonly=True, copy=False)
    note = fields.Text()

    @api.onchange('order_id')
    def _onchange_order_id(self):
        if self.order_id:
            self.update(self._eco_values_from_order(self.order_id))

    @api.model
    def _eco_values_from_order(self, order):
        partner = order.partner_shipping_id or order.partner_id
        address = order.intake_site_address or partner._display_address(
            without_company=True)
        return {
            'site_address': address,
            'contact_name': order.intake_contact_name or partner.name,
            'contact_phone': order.intake_contact_phone or partner.phone,
            'standard_ids': [(6, 0, order.intake_standard_ids.ids)],
        }

    @api.model
    def create(self, vals):
        order = self.env['sale.order'].browse(vals.get('order_id'))
        if order:
            for key, value in self._eco_values_from_order(order).items():
                vals.setdefault(key, value)
        job = super(EcoInstallationJob, self).create(vals)
        job.action_load_checklist()
        job.action_load_measurements()
        return job

    # ------------------------------------------------------------------ loading
    @api.multi
    def action_load_checklist(self):
        """Checklist from the templates of the order's type and its products'
        categories (missing ones only)."""
        Template = self.env['eco.installation.check.template']
        for job in self:
            order = job.order_id
            categories = order.order_line.mapped('product_id.categ_id')
            categ_domain = [('categ_id', '=', False)]
            if categories:
                categ_domain = ['|', ('categ_id', '=', False),
                                ('categ_id', 'parent_of', categories.ids)]
            templates = Template.search(order._eco_template_domain() + categ_domain)
            for template in templates - job.check_ids.mapped('template_id'):
                vals = template._eco_order_line_values(order)
                vals['job_id'] = job.id
                self.env['eco.installation.check'].create(vals)
        return True

    @api.multi
    def action_load_measurements(self):
        """One measurement per parameter limit of the job's standards."""
        for job in self:
            existing = job.measurement_ids.mapped('limit_id')
            for limit in job.standard_ids.mapped('limit_ids') - existing:
                self.env['eco.installation.measurement'].create({
                    'job_id': job.id,
                    'limit_id': limit.id,
                })
        return True

    @api.multi
    def action_check_all(self):
        """Tick every open check of the checklist (done on site)."""
        self.mapped('check_ids').filtered(lambda c: not c.done).write({'done': True})
        return True

    # ------------------------------------------------------------------ gates
    @api.multi
    def _eco_check_state(self, states):
        labels = dict(JOB_STATES)
        for job in self:
            if job.state not in states:
                raise UserError(_('Job %s is %s: not possible now.') % (
                    job.name, labels[job.state]))

    @api.multi
    def _eco_site_technicians(self):
        self.ensure_one()
        return self.technician_ids

    @api.multi
    def _eco_site_date(self):
        self.ensure_one()
        if self.planned_start:
            start = fields.Datetime.from_string(self.planned_start)
            return fields.Date.to_string(start)
        return super(EcoInstallationJob, self)._eco_site_date()

    @api.multi
    def _eco_site_product_categories(self):
        self.ensure_one()
        return self.order_id.order_line.mapped('product_id.categ_id')

    @api.multi
    def _eco_check_start(self):
        """Raise when the job may not start (extension point)."""
        self._eco_check_state(['planned'])
        self._eco_check_technicians()
        return True

    @api.multi
    def write(self, vals):
        res = super(EcoInstallationJob, self).write(vals)
        if 'state' in vals:
            self._eco_fire_installed()
        return res

    @api.multi
    def _eco_fire_installed(self):
        """The orders of these jobs whose jobs (cancelled ones aside) all
        passed their commissioning now reach their 'installed' milestones, in
        the name of the user who acted. Returns the orders installed."""
        orders = self.mapped('order_id')
        passed = orders.sudo().filtered(
            lambda o: o.eco_commissioning_state == 'passed')
        installed = orders.browse(passed.ids)
        if installed:
            eco_sudo_as_actor(installed)._eco_milestone_event('installed')
        return installed

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_plan(self):
        self._eco_check_state(['draft'])
        for job in self:
            if not job.planned_start:
                raise UserError(_('Give the planned start of job %s.') % job.name)
            if job.planned_end and job.planned_end < job.planned_start:
                raise UserError(_('Job %s ends before it starts.') % job.name)
        self.write({'state': 'planned'})
        return True

    @api.multi
    def action_start(self):
        self._eco_check_start()
        self.write({'state': 'in_progress', 'date_started': fields.Datetime.now()})
        return True

    @api.multi
    def action_evaluate(self):
        """Judge the commissioning: every check done and every parameter measured;
        a failed measurement fails the job and opens a rectification."""
        self._eco_check_state(['in_progress'])
        for job in self:
            open_checks = job.check_ids.filtered(lambda c: not c.done)
            if open_checks:
                raise UserError(_('Job %s has open checks:\n%s') % (
                    job.name, '\n'.join('- %s' % c.name for c in open_checks)))
            if not job.measurement_ids:
                raise UserError(_('Job %s has no commissioning measurements.')
                                % job.name)
            missing = job.measurement_ids.filtered(lambda m: not m.measured)
            if missing:
                raise UserError(_('Job %s: measure %s first.') % (
                    job.name, ', '.join(missing.mapped('pollutant'))))
            failed = job.measurement_ids.filtered(lambda m: m.result == 'failed')
            now = fields.Datetime.now()
            if failed:
                job.write({'state': 'failed', 'commissioning_result': 'failed',
                           'date_commissioned': now})
                job._eco_open_rectification(failed)
            else:
                job.write({'state': 'passed', 'commissioning_result': 'passed',
                           'date_commissioned': now})
                job.order_id.message_post(
                    body=_('Commissioning of job %s passed.') % html_escape(job.name),
                    subtype='mail.mt_note')
        return True

    @api.multi
    def _eco_open_rectification(self, failed):
        self.ensure_one()
        text = '\n'.join('%s: %g %s (%s)' % (
            m.pollutant, m.value, m.unit or '', m.limit_text) for m in failed)
        rectification = self.env['eco.rectification'].create({
            'name': _('Commissioning %s failed') % self.name,
            'order_id': self.order_id.id,
            'eco_installation_job_id': self.id,
            'description': text,
            'user_id': (self.user_id or self.env.user).id,
        })
        self.order_id.message_post(
            body=_('Commissioning of job %s failed on %s: rectification opened.') % (
                html_escape(self.name),
                html_escape(', '.join(failed.mapped('pollutant')))),
            subtype='mail.mt_note')
        return rectification

    @api.multi
    def action_recommission(self):
        """After the rectification: measure again."""
        self._eco_check_state(['failed'])
        for job in self:
            if job.rectification_ids.filtered(lambda r: r.state == 'open'):
                raise UserError(_('Close the rectifications of job %s first.')
                                % job.name)
            job.measurement_ids.write({'measured': False, 'value': 0.0})
        self.write({'state': 'in_progress', 'commissioning_result': 'none'})
        return True

    @api.multi
    def action_cancel(self):
        self._eco_check_state(['draft', 'planned', 'in_progress', 'failed'])
        self.write({'state': 'cancelled'})
        return True

    @api.multi
    def _eco_check_can_sign(self):
        for job in self:
            if job.state == 'signed':
                raise UserError(_('Job %s is already signed off.') % job.name)
            if job.measurement_ids.filtered(lambda m: m.result == 'failed') \
                    or job.state == 'failed':
                raise UserError(_('Job %s has a failed commissioning measurement: it '
                                  'cannot be signed off before the rectification.')
                                % job.name)
            if job.state != 'passed':
                raise UserError(_('Job %s cannot be signed off before the '
                                  'commissioning passed.') % job.name)

    @api.multi
    def _eco_sign(self, name, signature=False, signature_text=False, ip=False,
                  partner=False):
        self.ensure_one()
        self._eco_check_can_sign()
        name = (name or '').strip()
        signature_text = (signature_text or '').strip()
        if not name or not (signature or signature_text):
            raise UserError(_('The name and the signature of the customer are '
                              'required.'))
        self.write({
            'state': 'signed',
            'signed_by': name,
            'signature': signature or False,
            'signature_text': signature_text or False,
            'signed_date': fields.Datetime.now(),
            'signed_ip': ip or False,
        })
        self._eco_register_equipment()
        self.message_post(
            body=_('Signed off by %s (IP %s).') % (html_escape(name),
                                                   html_escape(ip or '-')),
            author_id=partner.id if partner else None, subtype='mail.mt_note')
        return True

    @api.multi
    def action_sign(self):
        """Sign-off on a tablet in the backend (signature widget)."""
        for job in self:
            job._eco_sign(job.contact_name or job.partner_id.name,
                          signature=job.signature)
        return True

    @api.multi
    def _eco_portal_sign(self, name, signature=False, signature_text=False, ip=False,
                         partner=False):
        return self._eco_sign(name, signature=signature, signature_text=signature_text,
                              ip=ip, partner=partner)

    @api.multi
    def _eco_register_equipment(self):
        """Equipment register: each serial (lot) delivered for the order."""
        Equipment = self.env['eco.equipment'].sudo()
        for job in self:
            pickings = job.order_id.sudo().picking_ids.filtered(
                lambda p: p.state == 'done' and p.picking_type_code == 'outgoing')
            lots = pickings.mapped('move_line_ids.lot_id')
            known = Equipment.search([('lot_id', 'in', lots.ids)]).mapped('lot_id')
            for lot in lots - known:
                Equipment.create({
                    'lot_id': lot.id,
                    'job_id': job.id,
                })
            Equipment.search([('job_id', '=', job.id)]).write({
                'installation_date': fields.Date.context_today(job),
                'commissioning_result': job.commissioning_result,
            })
        return True

    @api.multi
    def action_print_report(self):
        self.ensure_one()
        return self.env.ref('eco_stock.action_report_eco_commissioning').report_action(
            self)
