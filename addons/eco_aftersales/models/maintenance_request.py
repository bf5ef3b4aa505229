# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Maintenance visits at the customer's site (R11.1): technicians through
eco_stock's site job mixin (so eco_safety's gate applies), findings, parts,
visit report and the customer's sign-off."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class MaintenanceRequest(models.Model):
    _name = 'maintenance.request'
    _inherit = ['maintenance.request', 'eco.site.job.mixin']

    eco_equipment_id = fields.Many2one(
        'eco.equipment', string='Serial', index=True, ondelete='set null')
    eco_commitment_id = fields.Many2one(
        'eco.service.commitment', string='Service Commitment', index=True,
        ondelete='set null')
    eco_partner_id = fields.Many2one('res.partner', string='Customer', index=True)
    eco_site_address = fields.Text(string='Site')
    eco_technician_ids = fields.Many2many(
        'hr.employee', 'maintenance_request_eco_technician_rel', 'request_id',
        'employee_id', string='Technicians', track_visibility='onchange')
    eco_checklist = fields.Text(
        string='Checklist',
        default=lambda self: _('Inspect the unit\nClean the filters\n'
                               'Check the dosing pumps\nRecord the readings'))
    eco_findings = fields.Text(string='Findings')
    eco_parts_used = fields.Text(string='Parts Used')
    eco_date_started = fields.Datetime(string='Started On', readonly=True,
                                       copy=False)
    eco_signed_by = fields.Char(string='Signed Off By', copy=False,
                                track_visibility='onchange')
    eco_signed_date = fields.Datetime(string='Signed Off On', readonly=True,
                                      copy=False)

    @api.model
    def create(self, vals):
        request = super(MaintenanceRequest, self).create(vals)
        if vals.get('eco_technician_ids'):
            request._eco_check_technicians()
        return request

    @api.multi
    def write(self, vals):
        res = super(MaintenanceRequest, self).write(vals)
        if vals.get('eco_technician_ids'):
            self._eco_check_technicians()
        return res

    # site job mixin
    @api.multi
    def _eco_site_technicians(self):
        self.ensure_one()
        return self.eco_technician_ids

    @api.multi
    def _eco_site_date(self):
        self.ensure_one()
        if self.schedule_date:
            return self.schedule_date[:10]
        return self.request_date or fields.Date.context_today(self)

    @api.multi
    def _eco_site_product_categories(self):
        self.ensure_one()
        return self.eco_equipment_id.product_id.categ_id

    @api.multi
    def action_eco_start(self):
        """Start the visit: the technicians are checked (qualification gate)."""
        self._eco_check_technicians()
        stage = self.env.ref('maintenance.stage_1', raise_if_not_found=False)
        vals = {'eco_date_started': fields.Datetime.now()}
        if stage:
            vals['stage_id'] = stage.id
        self.write(vals)
        return True

    @api.multi
    def action_eco_sign_off(self):
        for visit in self:
            if not visit.eco_date_started:
                raise UserError(_('Visit %s has not started.') % visit.name)
            if not visit.eco_signed_by:
                raise UserError(_('Enter who signs off visit %s.') % visit.name)
        stage = self.env.ref('maintenance.stage_3', raise_if_not_found=False)
        vals = {'eco_signed_date': fields.Datetime.now()}
        if stage:
            vals['stage_id'] = stage.id
        self.write(vals)
        return True

    @api.multi
    def action_eco_print_report(self):
        return self.env.ref(
            'eco_aftersales.action_report_eco_visit').report_action(self)
