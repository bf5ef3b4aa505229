# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer protection over the wire (R7.2): XML-RPC and the web client's JSON
calls obey the classification rules for real logged-in users.

As in test_portal_common: Odoo 11 serves requests on ``registry.test_cr``, so the
data is created there; its commit() only moves a savepoint (rolled back at the end).
"""
import json
from xmlrpc.client import Fault

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HOST, PORT, HttpCase, at_install, post_install
from odoo.tools import mute_logger

MUTED = ('odoo.http', 'odoo.models', 'odoo.service.model',
         'odoo.addons.base.ir.ir_model')


@at_install(False)
@post_install(True)
class TestProtectionHttp(HttpCase):

    def setUp(self):
        super(TestProtectionHttp, self).setUp()
        own_cr, own_env = self.cr, self.env

        def restore_cursor():
            self.cr, self.env = own_cr, own_env
        self.addCleanup(restore_cursor)
        self.cr = self.registry.test_cr
        self.env = api.Environment(self.cr, SUPERUSER_ID, {})
        Partner = self.env['res.partner']
        self.public = Partner.create({
            'name': 'Wire Public Co.', 'is_company': True,
            'eco_classification': 'public'})
        self.confidential = Partner.create({
            'name': 'Wire Confidential Co.', 'is_company': True,
            'email': 'wire@confidential.example.com',
            'eco_classification': 'confidential'})
        groups = self.env.ref('base.group_user') | self.env.ref(
            'eco_order.group_eco_order_user')
        Users = self.env['res.users'].with_context(no_reset_password=True)
        self.staff = Users.create({
            'name': 'Wire Staff', 'login': 'eco_wire_staff',
            'password': 'eco_wire_staff', 'groups_id': [(6, 0, groups.ids)]})
        self.cleared = Users.create({
            'name': 'Wire Cleared', 'login': 'eco_wire_cleared',
            'password': 'eco_wire_cleared', 'groups_id': [(6, 0, (
                groups | self.env.ref('eco_order.group_eco_customer_confidential')
            ).ids)]})
        self.db = self.env.cr.dbname
        self.registry.test_cr.commit()

    def _rpc(self, user, model, method, *args):
        try:
            return self.xmlrpc_object.execute(
                self.db, user.id, user.login, model, method, *args)
        finally:
            self.env.cache.invalidate()

    def _call_kw(self, model, method, args, kwargs=None):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
            'model': model, 'method': method, 'args': args, 'kwargs': kwargs or {}}}
        response = self.opener.post(
            'http://%s:%s/web/dataset/call_kw' % (HOST, PORT),
            data=json.dumps(payload),
            headers={'Content-Type': 'application/json'}, timeout=30)
        self.env.cache.invalidate()
        self.assertEqual(response.status_code, 200)
        return response.json()

    @mute_logger(*MUTED)
    def test_01_xmlrpc_read_search_export(self):
        self.assertEqual(
            self._rpc(self.staff, 'res.partner', 'read', [self.public.id], ['name']),
            [{'id': self.public.id, 'name': 'Wire Public Co.'}])
        with self.assertRaises(Fault) as fault:
            self._rpc(self.staff, 'res.partner', 'read', [self.confidential.id],
                      ['name'])
        self.assertIn('security restrictions', fault.exception.faultString)
        with self.assertRaises(Fault):
            self._rpc(self.staff, 'res.partner', 'export_data',
                      [self.confidential.id], ['name', 'email'])
        found = self._rpc(self.staff, 'res.partner', 'search',
                          [('name', 'like', 'Wire %Co.')])
        self.assertEqual(found, [self.public.id])
        self.assertEqual(
            self._rpc(self.cleared, 'res.partner', 'read', [self.confidential.id],
                      ['email']),
            [{'id': self.confidential.id, 'email': 'wire@confidential.example.com'}])
        log = self.env['eco.partner.access.log'].search(
            [('partner_id', '=', self.confidential.id)])
        self.assertEqual((log.user_id, log.action), (self.cleared, 'read'))

    @mute_logger(*MUTED)
    def test_02_json_call_kw(self):
        self.authenticate('eco_wire_staff', 'eco_wire_staff')
        result = self._call_kw('res.partner', 'read',
                               [[self.confidential.id], ['name', 'email']])
        self.assertNotIn('result', result)
        self.assertEqual(result['error']['data']['name'],
                         'odoo.exceptions.AccessError')
        result = self._call_kw('res.partner', 'search_read',
                               [[('name', 'like', 'Wire %Co.')], ['name']])
        self.assertEqual(result['result'],
                         [{'id': self.public.id, 'name': 'Wire Public Co.'}])
        self.assertFalse(self.env['eco.partner.access.log'].search(
            [('partner_id', '=', self.confidential.id)]))
        self.authenticate('eco_wire_cleared', 'eco_wire_cleared')
        result = self._call_kw('res.partner', 'read',
                               [[self.confidential.id], ['name', 'email']])
        self.assertEqual(result['result'][0]['email'], 'wire@confidential.example.com')
        self.assertEqual(self.env['eco.partner.access.log'].search(
            [('partner_id', '=', self.confidential.id)]).user_id, self.cleared)
