# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EcoCertification(models.Model):
    """A professional qualification held by an employee (R4.1)."""
    _name = 'eco.certification'
    _description = 'Employee Certification'
    _inherit = ['eco.hr.expiry.mixin', 'mail.thread', 'mail.activity.mixin']
    _order = 'date_expiry, id'

    type_id = fields.Many2one(
        'eco.certification.type', string='Certification', required=True,
        index=True, ondelete='restrict', track_visibility='onchange')
    number = fields.Char(required=True, track_visibility='onchange')
    issuer = fields.Char(track_visibility='onchange')
    date_issue = fields.Date(string='Issued On', required=True,
                             default=fields.Date.context_today)
    date_expiry = fields.Date(track_visibility='onchange')
    attachment = fields.Binary(attachment=True, copy=False)
    attachment_name = fields.Char()
    note = fields.Text()

    @api.onchange('type_id', 'date_issue')
    def _onchange_type_id(self):
        if self.type_id:
            self.issuer = self.issuer or self.type_id.issuer
            if self.type_id.validity_months and self.date_issue:
                self.date_expiry = fields.Date.to_string(
                    fields.Date.from_string(self.date_issue)
                    + relativedelta(months=self.type_id.validity_months))

    @api.constrains('date_issue', 'date_expiry')
    def _check_dates(self):
        for cert in self:
            if cert.date_expiry and cert.date_expiry < cert.date_issue:
                raise ValidationError(_('The expiry date of certification %s is '
                                        'before its issue date.') % cert.number)

    @api.multi
    def name_get(self):
        return [(c.id, '%s %s (%s)' % (c.type_id.name, c.number, c.employee_id.name))
                for c in self]

    @api.multi
    def _eco_qualification_label(self):
        self.ensure_one()
        return _('Certification "%s" %s') % (self.type_id.name, self.number)

    @api.model
    def create(self, vals):
        cert = super(EcoCertification, self).create(vals)
        older = self.sudo().search([
            ('employee_id', '=', cert.employee_id.id),
            ('type_id', '=', cert.type_id.id),
            ('id', '!=', cert.id), ('renewed', '=', False),
            ('date_issue', '<=', cert.date_issue)])
        older.write({'renewed': True})
        self.env['eco.reward'].sudo()._eco_propose(
            cert.employee_id, 'honour',
            _('Obtained the certification %s') % cert.type_id.name, source=cert)
        return cert
