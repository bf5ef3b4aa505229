# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.eco_order.models.eco_deadline_mixin import lock_rows_skip_locked


class EcoInstallationJob(models.Model):
    _inherit = 'eco.installation.job'

    @api.model
    def create(self, vals):
        """A job of an order with an order-level plan uses that plan."""
        job = super(EcoInstallationJob, self).create(vals)
        if job.order_id:
            job._eco_safety_use_order_plan()
        return job

    @api.multi
    def write(self, vals):
        """New technicians become workers of the job's plan."""
        res = super(EcoInstallationJob, self).write(vals)
        if 'technician_ids' in vals:
            self.filtered('eco_safety_plan_id')._eco_safety_use_order_plan()
        return res

    @api.constrains('technician_ids', 'eco_safety_risk_ids', 'planned_start')
    def _check_eco_safety_qualifications(self):
        """The gate on assignment (R8.1)."""
        for job in self:
            if job.state not in ('cancelled', 'signed', 'passed'):
                job._eco_safety_check_qualifications()

    @api.multi
    def _eco_check_start(self):
        res = super(EcoInstallationJob, self)._eco_check_start()
        self._eco_safety_check_site()
        return res

    @api.model
    def _cron_eco_safety_expiring(self, batch_size=200):
        """Warn the planners of planned jobs whose technicians' qualifications
        will not be valid on the job date (once per shortfall)."""
        now = fields.Datetime.now()
        ids = self.sudo().search([('state', 'in', ('draft', 'planned')),
                                  ('planned_start', '>=', now)]).ids
        warned = 0
        for start in range(0, len(ids), batch_size):
            rows = lock_rows_skip_locked(self.env.cr, self._table,
                                         ids[start:start + batch_size])
            jobs = self.sudo().browse([r['id'] for r in rows])
            warned += len(jobs._eco_safety_warn_expiring())
        return warned
