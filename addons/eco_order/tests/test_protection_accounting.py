# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Accountants and warehouse users work on confidential and secret customers
(R7.2) without the confidential group, over the wire (JSON-RPC, real users):
an accountant validates, sends, pays and reconciles invoices, a stock user
validates the delivery; neither reads the order request, its needs, its
attachments or the customer's other contacts.

As in test_protection_http: Odoo 11 serves requests on ``registry.test_cr``;
its commit() only moves a savepoint (rolled back at the end).
"""
import json

from odoo import SUPERUSER_ID, api, fields
from odoo.tests.common import HOST, PORT, HttpCase, at_install, post_install
from odoo.tools import mute_logger

MUTED = ('odoo.http', 'odoo.models', 'odoo.service.model',
         'odoo.addons.base.ir.ir_model')


class RpcError(Exception):
    """The JSON-RPC call answered with an error (its Odoo exception name)."""


@at_install(False)
@post_install(True)
class TestProtectionAccounting(HttpCase):

    def setUp(self):
        super(TestProtectionAccounting, self).setUp()
        own_cr, own_env = self.cr, self.env

        def restore_cursor():
            self.cr, self.env = own_cr, own_env
        self.addCleanup(restore_cursor)
        self.cr = self.registry.test_cr
        self.env = api.Environment(self.cr, SUPERUSER_ID, {})
        env = self.env
        Users = env['res.users'].with_context(no_reset_password=True)
        self.accountant = Users.create({
            'name': 'Ada Accountant', 'login': 'eco_rpc_accountant',
            'password': 'eco_rpc_accountant', 'email': 'ada@eco.example.com',
            'groups_id': [(6, 0, [env.ref('account.group_account_invoice').id])]})
        self.stock_user = Users.create({
            'name': 'Wu Warehouse', 'login': 'eco_rpc_stock',
            'password': 'eco_rpc_stock', 'email': 'wu@eco.example.com',
            'groups_id': [(6, 0, [env.ref('stock.group_stock_user').id])]})
        self.product = env['product.product'].create({
            'name': 'Activated carbon filter', 'type': 'consu',
            'invoice_policy': 'order', 'list_price': 250.0})
        self.bank = env['account.journal'].search([
            ('type', '=', 'bank'), ('company_id', '=', env.user.company_id.id)],
            limit=1)
        self.case = {}
        for level in ('confidential', 'secret'):
            self.case[level] = self._customer_case(level)
        # a secret customer with no invoice, payment or delivery
        self.unrelated = env['res.partner'].create({
            'name': 'Rpc Unrelated Secret Co.', 'is_company': True,
            'customer': True, 'eco_classification': 'secret'})
        self.db = env.cr.dbname
        self.registry.test_cr.commit()

    def _customer_case(self, level):
        env = self.env
        Partner = env['res.partner']
        company = Partner.create({
            'name': 'Rpc %s Chemicals Co.' % level.capitalize(),
            'is_company': True, 'customer': True,
            'email': 'ap@%s-chem.example.com' % level})
        contact = Partner.create({
            'name': 'Private contact of %s' % level, 'parent_id': company.id,
            'email': 'ceo@%s-chem.example.com' % level, 'phone': '+86 10 1234'})
        order = env['sale.order'].create({
            'partner_id': company.id,
            'order_line': [(0, 0, {
                'product_id': self.product.id, 'product_uom_qty': 4.0,
                'name': 'Activated carbon filter', 'price_unit': 250.0})],
        })
        order.write({'intake_state': 'accepted'})
        order.action_confirm()
        need = env['eco.order.need'].create({
            'partner_id': company.id, 'order_id': order.id,
            'description': 'Secret process data of %s' % level,
            'department_id': env['hr.department'].create(
                {'name': 'Rpc dept %s' % level}).id})
        attachment = env['ir.attachment'].create({
            'name': 'process.txt', 'datas_fname': 'process.txt',
            'datas': 'c2VjcmV0', 'res_model': 'sale.order', 'res_id': order.id})
        invoice = env['account.invoice'].browse(order.action_invoice_create())
        # classified once the documents exist (staff classify known customers)
        company.write({'eco_classification': level})
        return {'company': company, 'contact': contact, 'order': order,
                'need': need, 'attachment': attachment, 'invoice': invoice,
                'picking': order.picking_ids}

    # ------------------------------------------------------------------
    def _rpc(self, user, model, method, args, kwargs=None):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
            'service': 'object', 'method': 'execute_kw',
            'args': [self.db, user.id, user.login, model, method, args,
                     kwargs or {}]}}
        response = self.opener.post(
            'http://%s:%s/jsonrpc' % (HOST, PORT), data=json.dumps(payload),
            headers={'Content-Type': 'application/json'}, timeout=60)
        self.env.cache.invalidate()
        self.assertEqual(response.status_code, 200)
        answer = response.json()
        if 'error' in answer:
            raise RpcError(answer['error']['data']['name'],
                           answer['error']['data']['message'])
        return answer.get('result')  # no key when the method returns None

    def _assert_refused(self, user, model, method, args, kwargs=None):
        with self.assertRaises(RpcError) as refused:
            self._rpc(user, model, method, args, kwargs)
        self.assertEqual(refused.exception.args[0],
                         'odoo.exceptions.AccessError', refused.exception.args)

    def _assert_secrets_hidden(self, user, case):
        self._assert_refused(user, 'sale.order', 'read',
                             [case['order'].ids, ['name', 'note']])
        self._assert_refused(user, 'eco.order.need', 'read',
                             [case['need'].ids, ['description']])
        self._assert_refused(user, 'ir.attachment', 'read',
                             [case['attachment'].ids, ['datas']])
        self._assert_refused(user, 'res.partner', 'read',
                             [case['contact'].ids, ['name', 'email', 'phone']])
        self.assertEqual(self._rpc(user, 'res.partner', 'search', [[
            ('id', 'in', (case['contact'] | self.unrelated).ids)]]), [])

    # ------------------------------------------------------------------
    @mute_logger(*MUTED)
    def test_01_accountant_invoice_payment_reconcile(self):
        for level, case in sorted(self.case.items()):
            invoice, company = case['invoice'], case['company']
            user = self.accountant
            data = self._rpc(user, 'account.invoice', 'read', [
                invoice.ids, ['partner_id', 'amount_total', 'state', 'origin']])
            self.assertEqual(data[0]['partner_id'][0], company.id, level)
            self.assertEqual(data[0]['amount_total'], 1000.0, level)
            self.assertEqual(data[0]['origin'], case['order'].name, level)
            self._rpc(user, 'account.invoice', 'action_invoice_open', [invoice.ids])
            self.assertEqual(invoice.state, 'open', level)
            # send by mail with the standard template and composer
            action = self._rpc(user, 'account.invoice', 'action_invoice_sent',
                               [invoice.ids])
            composer = self._rpc(user, 'mail.compose.message', 'create', [{
                'subject': 'Invoice %s' % invoice.number,
                'body': '<p>Please find your invoice attached.</p>'}], {
                'context': action['context']})
            self._rpc(user, 'mail.compose.message', 'send_mail', [[composer]], {
                'context': action['context']})
            self.assertTrue(invoice.sent, level)
            # a payment registered on its own, then reconciled by hand
            method = self.env.ref('account.account_payment_method_manual_in')
            payment = self._rpc(user, 'account.payment', 'create', [{
                'payment_type': 'inbound', 'partner_type': 'customer',
                'partner_id': company.id, 'amount': 1000.0,
                'journal_id': self.bank.id, 'payment_method_id': method.id,
                'payment_date': fields.Date.today()}])
            self._rpc(user, 'account.payment', 'post', [[payment]])
            lines = self._rpc(user, 'account.move.line', 'search', [[
                ('partner_id', '=', company.id), ('reconciled', '=', False),
                ('account_id', '=', invoice.account_id.id)]])
            self.assertEqual(len(lines), 2, level)
            self._rpc(user, 'account.move.line', 'reconcile', [lines])
            self.assertEqual(invoice.state, 'paid', level)
            self._assert_secrets_hidden(user, case)

    @mute_logger(*MUTED)
    def test_02_accountant_register_payment_wizard(self):
        for level, case in sorted(self.case.items()):
            invoice = case['invoice']
            user = self.accountant
            self._rpc(user, 'account.invoice', 'action_invoice_open', [invoice.ids])
            context = {'active_model': 'account.invoice', 'active_ids': invoice.ids,
                       'default_invoice_ids': [(4, invoice.id)]}
            defaults = self._rpc(user, 'account.payment', 'default_get', [[
                'invoice_ids', 'amount', 'partner_id', 'payment_type',
                'partner_type', 'currency_id', 'communication']],
                {'context': context})
            self.assertEqual(defaults['amount'], 1000.0, level)
            method = self.env.ref('account.account_payment_method_manual_in')
            defaults.update({'journal_id': self.bank.id,
                             'payment_method_id': method.id})
            payment = self._rpc(user, 'account.payment', 'create', [defaults],
                                {'context': context})
            self._rpc(user, 'account.payment', 'post', [[payment]])
            self.assertEqual(invoice.state, 'paid', level)
            self._assert_secrets_hidden(user, case)

    @mute_logger(*MUTED)
    def test_03_stock_user_validates_delivery(self):
        for level, case in sorted(self.case.items()):
            picking = case['picking']
            self.assertEqual(len(picking), 1, level)
            user = self.stock_user
            data = self._rpc(user, 'stock.picking', 'read', [
                picking.ids, ['partner_id', 'origin', 'state', 'move_lines']])
            self.assertEqual(data[0]['partner_id'][0], case['company'].id, level)
            self.assertEqual(data[0]['origin'], case['order'].name, level)
            self._rpc(user, 'stock.picking', 'action_assign', [picking.ids])
            for move in picking.move_lines:
                self._rpc(user, 'stock.move', 'write', [
                    move.ids, {'quantity_done': move.product_uom_qty}])
            self._rpc(user, 'stock.picking', 'button_validate', [picking.ids])
            self.assertEqual(picking.state, 'done', level)
            self.assertEqual(
                case['order'].order_line.qty_delivered, 4.0, level)
            self._assert_secrets_hidden(user, case)
