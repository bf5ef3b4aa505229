# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Site work done by technicians at a customer's site.

Every kind of job that sends technicians to a site (installation and
commissioning here, maintenance visits in eco_aftersales) inherits this mixin,
so that a gate on the people who may do site work (eco_safety's qualification
gate, R8.1) is written once and applies to all of them:

- ``_eco_site_technicians()``: the employees doing the job (one record);
- ``_eco_site_date()``: when the work takes place (one record), for checks of
  validity at that date;
- ``_eco_site_product_categories()``: the product categories whose equipment
  is worked on (one record);
- ``_eco_check_technicians()``: raises a UserError when the technicians may not
  do the job; by default at least one is assigned. Called on assignment and on
  start by the models using the mixin.
"""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class EcoSiteJobMixin(models.AbstractModel):
    _name = 'eco.site.job.mixin'
    _description = 'Site Work Job'

    @api.multi
    def _eco_site_technicians(self):
        self.ensure_one()
        return self.env['hr.employee']

    @api.multi
    def _eco_site_date(self):
        self.ensure_one()
        return fields.Date.context_today(self)

    @api.multi
    def _eco_site_product_categories(self):
        self.ensure_one()
        return self.env['product.category']

    @api.multi
    def _eco_check_technicians(self):
        for job in self:
            if not job._eco_site_technicians():
                raise UserError(_('Assign at least one technician to job %s.')
                                % job.display_name)
        return True
