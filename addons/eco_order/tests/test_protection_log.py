# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Access log of confidential and secret customers (R7.2)."""
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .test_protection_common import EcoProtectionCase


class TestProtectionLog(EcoProtectionCase):

    def _logs(self):
        return self.env['eco.partner.access.log'].search(
            [('partner_id', 'in', (self.all_customers | self.all_customers.mapped(
                'child_ids')).ids)], order='id')

    def test_01_read_of_confidential_is_logged(self):
        self.customers['confidential'].sudo(self.user_conf).read(['name', 'email'])
        log = self._logs()
        self.assertEqual(len(log), 1)
        self.assertEqual((log.user_id, log.partner_id, log.action, log.res_model,
                          log.order_id.id, log.classification),
                         (self.user_conf, self.customers['confidential'], 'read',
                          'res.partner', False, 'confidential'))
        self.assertTrue(log.access_date)
        self.orders['secret'].sudo(self.user_secret).read(['name', 'amount_total'])
        log = self._logs() - log
        self.assertEqual((log.user_id, log.partner_id, log.order_id, log.res_model),
                         (self.user_secret, self.customers['secret'],
                          self.orders['secret'], 'sale.order'))

    def test_02_one_row_per_protected_record_none_for_others(self):
        partners = self.all_customers | self.contacts['public'] | \
            self.contacts['secret']
        partners.sudo(self.user_secret).read(['name', 'phone'])
        logs = self._logs()
        self.assertEqual(sorted(logs.mapped('partner_id').ids), sorted(
            (self.customers['confidential'] | self.customers['secret']
             | self.contacts['secret']).ids))
        self.assertEqual(set(logs.mapped('user_id')), {self.user_secret})

    def test_03_no_log_for_ordinary_names_or_superuser(self):
        (self.customers['public'] | self.customers['internal']).sudo(
            self.user_conf).read(['name', 'email'])
        self.orders['public'].sudo(self.user_conf).read()
        self.customers['confidential'].sudo(self.user_conf).read(['display_name'])
        self.customers['confidential'].sudo(self.user_conf).name_get()
        self.env['sale.order'].sudo(self.user_conf).name_search(
            'S', [('partner_id', '=', self.customers['confidential'].id)])
        self.customers['confidential'].read(['name', 'email'])
        self.customers['confidential'].sudo(self.user_conf).with_context(
            eco_no_access_log=True).read(['name', 'email'])
        self.assertFalse(self._logs())

    def test_04_export_is_logged(self):
        self.all_customers.sudo(self.user_secret).export_data(['name', 'email'])
        self.orders['confidential'].sudo(self.user_conf).export_data(['name'])
        logs = self._logs().filtered(lambda log: log.action == 'export')
        self.assertEqual(
            sorted((log.user_id.login, log.partner_id.name, log.res_model)
                   for log in logs),
            [('eco_conf', 'Protected Confidential Co.', 'sale.order'),
             ('eco_secret', 'Protected Confidential Co.', 'res.partner'),
             ('eco_secret', 'Protected Secret Co.', 'res.partner')])

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model')
    def test_05_log_is_append_only(self):
        self.customers['confidential'].sudo(self.user_conf).read(['name', 'email'])
        log = self._logs()
        self.assertEqual(len(log), 1)
        as_manager = log.sudo(self.user_manager)
        # the line names a confidential customer: a manager reads it with the
        # clearance only, like the customer itself
        with self.assertRaises(AccessError):
            as_manager.read(['action'])
        self.user_manager.write({'groups_id': [(4, self.group_confidential.id)]})
        self.assertEqual(as_manager.read(['action'])[0]['action'], 'read')
        with self.assertRaises(AccessError):
            as_manager.write({'action': 'export'})
        with self.assertRaises(AccessError):
            as_manager.unlink()
        with self.assertRaises(AccessError):
            self.env['eco.partner.access.log'].sudo(self.user_manager).create({
                'user_id': self.user_manager.id, 'action': 'read',
                'partner_id': self.customers['public'].id, 'res_model': 'res.partner'})
        for user in (self.user_staff, self.user_conf):
            with self.assertRaises(AccessError):
                log.sudo(user).read(['action'])
        self.assertEqual((log.exists(), log.action), (log, 'read'))
        self.assertEqual(len(self._logs()), 1)
