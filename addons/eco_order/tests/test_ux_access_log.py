# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, defect 9: one access-log row per user, record and kind within a short
window; list loads (search_read) log no row the user did not open."""
from .test_protection_common import EcoProtectionCase


class TestAccessLogDedup(EcoProtectionCase):

    def _logs(self):
        return self.env['eco.partner.access.log'].search(
            [('partner_id', 'in', self.all_customers.ids)], order='id')

    def test_repeated_reads_log_once(self):
        partner = self.customers['confidential']
        for _i in range(3):
            partner.sudo(self.user_conf).read(['name', 'email'])
            partner.sudo(self.user_conf).invalidate_cache()
        self.assertEqual(len(self._logs()), 1)
        partner.sudo(self.user_secret).read(['name'])
        partner.sudo(self.user_conf).export_data(['name'])
        self.assertEqual(
            sorted((log.user_id.login, log.action) for log in self._logs()),
            [('eco_conf', 'export'), ('eco_conf', 'read'), ('eco_secret', 'read')])
        # outside the window the next access is logged again
        self.env.cr.execute(
            "UPDATE eco_partner_access_log SET access_date = access_date "
            "- interval '1 hour' WHERE partner_id = %s", (partner.id,))
        partner.sudo(self.user_conf).read(['name'])
        self.assertEqual(len(self._logs()), 4)

    def test_list_load_logs_nothing(self):
        rows = self.env['res.partner'].sudo(self.user_secret).search_read(
            [('id', 'in', self.all_customers.ids)], ['name', 'email'])
        self.assertEqual(len(rows), len(self.all_customers))
        self.env['sale.order'].sudo(self.user_secret).search_read(
            [('id', 'in', [o.id for o in self.orders.values()])], ['name'])
        self.assertFalse(self._logs())
        # opening one of them logs that one
        self.orders['secret'].sudo(self.user_secret).read(['name', 'amount_total'])
        self.assertEqual(self._logs().mapped('order_id'), self.orders['secret'])
