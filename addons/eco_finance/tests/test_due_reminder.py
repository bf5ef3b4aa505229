# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields

from .common import EcoFinanceCase, days


class TestDueReminder(EcoFinanceCase):

    def _mails(self, invoice):
        return self.env['mail.mail'].search([
            ('model', '=', 'account.invoice'), ('res_id', '=', invoice.id)])

    def test_reminder_once_with_activity(self):
        invoice = self._invoice(self.partner_a, 800.0, days(3), date_invoice=days(-27))
        later = self._invoice(self.partner_a, 800.0, days(20), date_invoice=days(-10))
        Invoice = self.env['account.invoice']
        done = Invoice._eco_cron_due_reminder()
        self.assertIn(invoice, done)
        self.assertNotIn(later, done)
        self.assertEqual(invoice.eco_reminder_date,
                         fields.Date.context_today(invoice))
        mails = self._mails(invoice)
        self.assertEqual(len(mails), 1)
        self.assertIn(invoice.number, mails.subject)
        self.assertIn(self.partner_a, mails.recipient_ids)
        activities = invoice.activity_ids
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.user_sales)
        self.assertEqual(activities.date_deadline, days(3))
        # a second run, or the next day: nothing more
        Invoice._eco_cron_due_reminder()
        Invoice._eco_cron_due_reminder(date=days(1))
        self.assertEqual(len(self._mails(invoice)), 1)
        self.assertEqual(len(invoice.activity_ids), 1)
        self.assertFalse(later.eco_reminder_date)

    def test_customer_without_email_gets_activity_only(self):
        self.partner_b.email = False
        invoice = self._invoice(self.partner_b, 500.0, days(2), date_invoice=days(-28))
        self.env['account.invoice']._eco_cron_due_reminder()
        self.assertFalse(self._mails(invoice))
        self.assertEqual(len(invoice.activity_ids), 1)
        self.assertEqual(invoice.activity_ids.user_id, self.user_sales_b)
        self.assertIn('no email address', invoice.activity_ids.note)
        self.assertIn('No due-date reminder mailed', invoice.message_ids[0].body)
        self.assertEqual(invoice.eco_reminder_date,
                         fields.Date.context_today(invoice))

    def test_template_zh_cn(self):
        template = self.env.ref('eco_finance.mail_template_eco_due_reminder')
        self.env['res.lang'].load_lang('zh_CN')
        self.partner_a.lang = 'zh_CN'
        invoice = self._invoice(self.partner_a, 800.0, days(3), date_invoice=days(-27))
        values = template.generate_email(invoice.id)
        self.assertIn(invoice.number, values['subject'])
