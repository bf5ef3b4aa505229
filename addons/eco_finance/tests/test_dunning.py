# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import UserError

from .common import EcoFinanceCase, days


class TestDunning(EcoFinanceCase):

    @classmethod
    def setUpClass(cls):
        super(TestDunning, cls).setUpClass()
        cls.policy_eco = cls.env.ref('eco_finance.credit_control_policy_eco')
        cls.Run = cls.env['credit.control.run']
        cls.invoice = cls._invoice(cls.partner_a, 1000.0, days(-60))
        cls.receivable = cls.invoice.move_id.line_ids.filtered(
            lambda l: l.account_id == cls.invoice.account_id)

    def _lines(self, invoice=None):
        return self.env['credit.control.line'].search(
            [('invoice_id', '=', (invoice or self.invoice).id)], order='level, id')

    def test_policy_installed(self):
        self.assertEqual(self.company.credit_policy_id, self.policy_eco)
        self.assertEqual(self.policy_eco.level_ids.mapped('eco_action'),
                         ['mail', 'letter', 'call_hold', 'escalate'])
        self.assertIn(self.invoice.account_id, self.policy_eco.account_ids)

    def test_levels_in_order_without_duplicates(self):
        today = fields.Date.today()
        self.Run._eco_cron_dunning(date=today)
        self.Run._eco_cron_dunning(date=today)
        lines = self._lines()
        self.assertEqual(lines.mapped('level'), [1])
        self.assertEqual(lines.state, 'sent')
        self.assertEqual(lines.balance_due, 1000.0)
        self.assertTrue(lines.mail_message_id)
        self.assertIn('ap@qingshui.example.com', lines.mail_message_id.email_to)
        self.assertEqual(self.receivable.eco_dunning_date, today)
        self.assertFalse(self.partner_a.eco_credit_hold)

        # level 2, 14 days after the reminder: the formal letter (PDF in the chatter)
        attachments = self.env['ir.attachment'].search_count(
            [('res_model', '=', 'res.partner'), ('res_id', '=', self.partner_a.id)])
        self.Run._eco_cron_dunning(date=days(13))
        self.assertEqual(self._lines().mapped('level'), [1])
        self.Run._eco_cron_dunning(date=days(14))
        self.Run._eco_cron_dunning(date=days(14))
        lines = self._lines()
        self.assertEqual(lines.mapped('level'), [1, 2])
        self.assertEqual(lines[1].state, 'sent')
        self.assertEqual(self.env['ir.attachment'].search_count(
            [('res_model', '=', 'res.partner'), ('res_id', '=', self.partner_a.id)]),
            attachments + 1)

        # level 3, 10 days later: phone call for the salesperson and credit hold
        self.Run._eco_cron_dunning(date=days(24))
        self.Run._eco_cron_dunning(date=days(24))
        self.assertEqual(self._lines().mapped('level'), [1, 2, 3])
        self.assertTrue(self.partner_a.eco_credit_hold)
        self.assertEqual(self.partner_a.eco_credit_hold_source, 'dunning')
        self.assertIn(self.invoice.number, self.partner_a.eco_credit_hold_reason)
        calls = self.invoice.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(
                'mail.mail_activity_data_call'))
        self.assertEqual(len(calls), 1)
        self.assertEqual(calls.user_id, self.user_sales)

        # level 4, 15 days later: escalation to the finance managers, once
        self.Run._eco_cron_dunning(date=days(39))
        self.Run._eco_cron_dunning(date=days(39))
        lines = self._lines()
        self.assertEqual(lines.mapped('level'), [1, 2, 3, 4])
        self.assertEqual(set(lines.mapped('state')), {'sent'})
        escalations = self.invoice.activity_ids.filtered(
            lambda a: a.summary == 'Escalated overdue invoice')
        managers = self.env.ref('account.group_account_manager').users.filtered(
            lambda u: not u.share)
        self.assertEqual(escalations.mapped('user_id'), managers)
        self.assertEqual(len(escalations), len(managers))
        self.Run._eco_cron_dunning(date=days(80))
        self.assertEqual(len(self._lines()), 4)

    def test_batches(self):
        other = self._invoice(self.partner_b, 300.0, days(-30))
        runs = self.Run._eco_cron_dunning(batch_size=1)
        mine = self._lines() | self._lines(other)
        ours = runs.filtered(lambda r: r.line_ids & mine)
        self.assertEqual(len(ours), 2)
        self.assertEqual(len(self._lines()), 1)
        self.assertEqual(len(self._lines(other)), 1)
        self.assertEqual(self._lines(other).balance_due, 300.0)

    def test_not_due_yet_nothing(self):
        invoice = self._invoice(self.partner_b, 300.0, days(-3))
        self.Run._eco_cron_dunning()
        self.assertFalse(self._lines(invoice))

    def test_paid_invoice_not_dunned(self):
        self._pay(self.invoice)
        self.Run._eco_cron_dunning()
        self.assertFalse(self._lines())

    def test_concurrent_worker_skips_locked_lines(self):
        """A second worker holds the move line: this run skips it (SKIP LOCKED),
        the next one makes its line once."""
        demo = self.env.ref('eco_finance.account_invoice_overdue_demo',
                            raise_if_not_found=False)
        if not demo:
            self.skipTest('demo data not installed')
        demo_line = demo.move_id.line_ids.filtered(
            lambda l: l.account_id == demo.account_id)
        self.env.cr.execute("SET LOCAL lock_timeout = '10s'")
        other = self.registry.cursor()
        try:
            other.execute('SELECT id FROM account_move_line WHERE id = %s '
                          'FOR NO KEY UPDATE', (demo_line.id,))
            claimed = self.Run._eco_claim_move_lines(
                [demo_line.id, self.receivable.id])
            self.assertEqual(claimed, self.receivable)
            self.Run._eco_cron_dunning()
            self.assertFalse(self._lines(demo))
            self.assertEqual(len(self._lines()), 1)
        finally:
            other.rollback()
            other.close()
        self.Run._eco_cron_dunning()
        self.Run._eco_cron_dunning()
        self.assertEqual(self._lines(demo).mapped('level'), [1])
        self.assertEqual(len(self._lines()), 1)

    def test_cancel_refused_after_reminder(self):
        self.Run._eco_cron_dunning()
        self.invoice.journal_id.update_posted = True
        with self.assertRaises(UserError):
            self.invoice.action_cancel()
