# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reminder before the due date (R5.3): a mail to the customer and an activity for
the salesperson, once per invoice (stamp ``eco_reminder_date``). A customer without
email gets no mail: the salesperson's activity says so and the invoice logs it."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.tools import html_escape, split_every

REMINDER_DAYS_PARAM = 'eco_finance.reminder_days'
BATCH_SIZE = 500


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    eco_reminder_date = fields.Date(
        string='Due Reminder Sent', readonly=True, copy=False,
        help='When the reminder before the due date was sent (once per invoice).')

    @api.model
    def _eco_reminder_days(self):
        value = self.env['ir.config_parameter'].sudo().get_param(
            REMINDER_DAYS_PARAM, '5')
        try:
            return max(int(value), 0)
        except ValueError:
            return 5

    @api.model
    def _eco_cron_due_reminder(self, date=None, batch_size=BATCH_SIZE):
        """Scheduled action: remind the customers of the invoices falling due within
        the configured days; returns the invoices reminded."""
        today = fields.Date.from_string(date or fields.Date.context_today(self))
        limit = fields.Date.to_string(today + timedelta(days=self._eco_reminder_days()))
        invoices = self.search([
            ('type', '=', 'out_invoice'), ('state', '=', 'open'),
            ('eco_reminder_date', '=', False),
            ('date_due', '>=', fields.Date.to_string(today)),
            ('date_due', '<=', limit)])
        done = self.browse()
        for chunk in split_every(batch_size, invoices.ids):
            self.env.cr.execute(
                'SELECT id FROM account_invoice WHERE id IN %s '
                'AND eco_reminder_date IS NULL ORDER BY id FOR UPDATE SKIP LOCKED',
                (tuple(chunk),))
            batch = self.browse([row[0] for row in self.env.cr.fetchall()])
            if batch:
                batch._eco_send_due_reminder(fields.Date.to_string(today))
                done |= batch
        return done

    @api.multi
    def _eco_send_due_reminder(self, today):
        template = self.env.ref('eco_finance.mail_template_eco_due_reminder')
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        model_id = self.env['ir.model']._get_id(self._name)
        vals_list = []
        for invoice in self:
            partner = invoice.partner_id
            email = partner.email or partner.commercial_partner_id.email
            if email:
                template.send_mail(invoice.id)
                note = _('Reminder of invoice %s (due %s) sent to %s.') % (
                    invoice.number, invoice.date_due, email)
            else:
                note = _('Customer %s has no email address: remind them of invoice '
                         '%s (due %s) by phone.') % (
                    partner.display_name, invoice.number, invoice.date_due)
                invoice.message_post(body=html_escape(_(
                    'No due-date reminder mailed: the customer has no email '
                    'address; the salesperson was asked to call.')))
            vals_list.append({
                'res_model_id': model_id, 'res_id': invoice.id,
                'user_id': (invoice.user_id or self.env.user).id,
                'activity_type_id': activity_type.id,
                'summary': _('Invoice falls due on %s') % invoice.date_due,
                'note': html_escape(note), 'date_deadline': invoice.date_due,
            })
        self.env['mail.activity'].sudo()._eco_create_bulk(vals_list)
        self.env.cr.execute(
            'UPDATE account_invoice SET eco_reminder_date = %s WHERE id IN %s',
            (today, tuple(self.ids)))
        self.invalidate_cache(['eco_reminder_date'], self.ids)
