# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Qualification documents of vendors and their expiry (R6.1)."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

WARNING_DAYS_PARAM = 'eco_stock.document_warning_days'
LOCK_QUERIES = {
    'warn': 'SELECT id FROM eco_supplier_document'
            ' WHERE NOT expiry_warned AND date_until IS NOT NULL AND date_until <= %s'
            ' ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED',
    'expire': 'SELECT id FROM eco_supplier_document'
              ' WHERE NOT expiry_processed AND date_until IS NOT NULL'
              ' AND date_until < %s ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED',
}


class EcoSupplierDocument(models.Model):
    _name = 'eco.supplier.document'
    _description = 'Vendor Qualification Document'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date_until, id'

    name = fields.Char(string='Number', required=True, track_visibility='onchange')
    partner_id = fields.Many2one(
        'res.partner', string='Vendor', required=True, ondelete='cascade', index=True)
    type_id = fields.Many2one(
        'eco.supplier.document.type', string='Type', required=True,
        ondelete='restrict')
    issuer = fields.Char()
    date_from = fields.Date(string='Valid From')
    date_until = fields.Date(string='Valid Until', index=True,
                             track_visibility='onchange')
    attachment = fields.Binary(attachment=True)
    attachment_name = fields.Char()
    expiry_warned = fields.Boolean(
        readonly=True, copy=False,
        help='Purchasing was warned of the expiry (once).')
    expiry_processed = fields.Boolean(
        readonly=True, copy=False,
        help='The expiry was handled (vendor suspended when required).')
    state = fields.Selection(
        [('valid', 'Valid'), ('expiring', 'Expiring'), ('expired', 'Expired')],
        compute='_compute_state')

    @api.constrains('date_from', 'date_until')
    def _check_dates(self):
        for doc in self:
            if doc.date_from and doc.date_until and doc.date_until < doc.date_from:
                raise ValidationError(_(
                    'Document %s: the end of validity is before its start.') % doc.name)

    @api.multi
    def write(self, vals):
        if 'date_until' in vals:
            vals.update(expiry_warned=False, expiry_processed=False)
        return super(EcoSupplierDocument, self).write(vals)

    @api.model
    def _eco_warning_days(self):
        value = self.env['ir.config_parameter'].sudo().get_param(WARNING_DAYS_PARAM, 30)
        try:
            return int(value)
        except (TypeError, ValueError):
            return 30

    @api.depends('date_until')
    def _compute_state(self):
        today = fields.Date.context_today(self)
        limit = fields.Date.to_string(
            fields.Date.from_string(today) + timedelta(days=self._eco_warning_days()))
        for doc in self:
            if doc.date_until and doc.date_until < today:
                doc.state = 'expired'
            elif doc.date_until and doc.date_until <= limit:
                doc.state = 'expiring'
            else:
                doc.state = 'valid'

    # ------------------------------------------------------------------ cron
    @api.model
    def _eco_locked_ids(self, kind, date, batch_size):
        """Ids of one batch of documents to warn of (``kind`` 'warn') or to
        process as expired ('expire'), locked for this worker: another worker
        running the cron at the same time takes other rows."""
        self.env.cr.execute(LOCK_QUERIES[kind], (date, batch_size))
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _eco_purchase_managers(self):
        group = self.env.ref('purchase.group_purchase_manager')
        return group.users.filtered(lambda u: u.active and u.id != 1) \
            or self.env.ref('base.user_admin', raise_if_not_found=False) \
            or self.env.user

    @api.model
    def _cron_eco_document_expiry(self, batch_size=200):
        """Daily: warn purchasing once N days before a document expires, suspend
        the vendor when a document its categories require has expired."""
        today = fields.Date.context_today(self)
        limit = fields.Date.to_string(
            fields.Date.from_string(today) + timedelta(days=self._eco_warning_days()))
        managers = self._eco_purchase_managers()
        model_id = self.env['ir.model']._get_id(self._name)
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        while True:
            ids = self._eco_locked_ids('warn', limit, batch_size)
            if not ids:
                break
            docs = self.browse(ids)
            vals_list = []
            for doc in docs:
                for user in managers:
                    vals_list.append({
                        'res_model_id': model_id,
                        'res_id': doc.id,
                        'user_id': user.id,
                        'activity_type_id': activity_type.id,
                        'date_deadline': doc.date_until,
                        'summary': _('Document %s of %s expires on %s') % (
                            doc.name, doc.partner_id.display_name, doc.date_until),
                    })
            self.env['mail.activity']._eco_create_bulk(vals_list)
            docs.write({'expiry_warned': True})
        while True:
            ids = self._eco_locked_ids('expire', today, batch_size)
            if not ids:
                break
            docs = self.browse(ids)
            docs._eco_suspend_vendors(today)
            docs.write({'expiry_processed': True})
        return True

    @api.multi
    def _eco_required_type_ids(self, vendor):
        """Document types the vendor's categories require: those of its
        qualification lines and of the products it supplies."""
        categories = vendor.eco_qualification_ids.filtered(
            lambda l: l.state == 'qualified').mapped('categ_id')
        infos = self.env['product.supplierinfo'].search(
            [('name', '=', vendor.id)])
        categories |= infos.mapped('product_tmpl_id.categ_id')
        return set(categories.mapped('eco_required_document_type_ids').ids)

    @api.multi
    def _eco_suspend_vendors(self, today):
        for vendor in self.mapped('partner_id.commercial_partner_id'):
            if vendor.eco_supplier_state != 'qualified':
                continue
            required = self._eco_required_type_ids(vendor)
            docs = self.filtered(lambda d: d.partner_id.commercial_partner_id == vendor
                                 and d.type_id.id in required)
            for doc in docs:
                # another valid document of the same type replaces it
                valid = self.search_count([
                    ('partner_id', 'child_of', vendor.id),
                    ('type_id', '=', doc.type_id.id),
                    ('id', '!=', doc.id),
                    '|', ('date_until', '=', False), ('date_until', '>=', today)])
                if not valid:
                    vendor._eco_set_supplier_state(
                        'suspended', _('required document %s (%s) expired on %s') % (
                            doc.name, doc.type_id.name, doc.date_until))
                    break
