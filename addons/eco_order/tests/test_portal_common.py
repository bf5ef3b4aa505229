# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared set-up of the portal intake tests.

Odoo 11's HttpCase serves HTTP requests on ``registry.test_cr``, a cursor other than
the test's ``self.cr`` (Odoo 12 merged them): data created on ``self.cr`` would be
invisible to the server. The tests therefore work on the test cursor, whose
commit() only moves a savepoint; everything is rolled back when the test ends.
"""
import re
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.tests.common import HOST, PORT, HttpCase

CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


class EcoPortalCase(HttpCase):
    """Two customer companies with one portal user each (password = login)."""

    def setUp(self):
        super(EcoPortalCase, self).setUp()
        own_cr, own_env = self.cr, self.env

        def restore_cursor():
            # runs before HttpCase leaves test mode and TransactionCase closes self.cr
            self.cr, self.env = own_cr, own_env
        self.addCleanup(restore_cursor)
        self.cr = self.registry.test_cr
        self.env = api.Environment(self.cr, SUPERUSER_ID, {'no_reset_password': True})
        Partner = self.env['res.partner']
        self.partner_a = Partner.create({
            'name': 'Portal Water Co.', 'is_company': True, 'customer': True,
            'street': '1 River Road', 'city': 'Beijing', 'phone': '+86 10 1111 0000'})
        self.partner_b = Partner.create({
            'name': 'Portal Air Ltd.', 'is_company': True, 'customer': True,
            'street': '2 Wind Street', 'city': 'Shanghai', 'phone': '+86 21 2222 0000'})
        self.contact_a = Partner.create({
            'name': 'Alice Portal', 'parent_id': self.partner_a.id,
            'email': 'alice.portal@water.example.com', 'phone': '+86 10 1111 0001'})
        self.contact_b = Partner.create({
            'name': 'Bob Portal', 'parent_id': self.partner_b.id,
            'email': 'bob.portal@air.example.com', 'phone': '+86 21 2222 0001'})
        portal = self.env.ref('base.group_portal')
        Users = self.env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True)
        self.user_a = Users.create({
            'name': 'Alice Portal', 'login': 'eco_portal_req_a',
            'password': 'eco_portal_req_a', 'partner_id': self.contact_a.id,
            'groups_id': [(6, 0, portal.ids)]})
        self.user_b = Users.create({
            'name': 'Bob Portal', 'login': 'eco_portal_req_b',
            'password': 'eco_portal_req_b', 'partner_id': self.contact_b.id,
            'groups_id': [(6, 0, portal.ids)]})
        self.product = self.env['product.product'].create({
            'name': 'Portal test dosing pump', 'type': 'consu', 'sale_ok': True,
            'list_price': 250.0})
        self.product_not_for_sale = self.env['product.product'].create({
            'name': 'Portal test internal part', 'type': 'consu', 'sale_ok': False})
        self.unspecified = self.env.ref('eco_order.product_product_eco_unspecified')
        self.standard = self.env['eco.environmental.standard'].create({
            'code': 'PT-TEST-0001', 'name': 'Portal test discharge standard',
            'medium': 'water'})
        today = fields.Date.from_string(fields.Date.today())
        self.future_date = fields.Date.to_string(today + timedelta(days=20))
        self.past_date = fields.Date.to_string(today - timedelta(days=2))
        # TestCursor.commit() only moves the cursor's savepoint (nothing reaches the
        # database; leave_test_mode rolls back): a request that fails and rolls
        # back must not take the test data with it.
        self.registry.test_cr.commit()

    def url_open(self, url, data=None, timeout=30):
        response = super(EcoPortalCase, self).url_open(url, data=data, timeout=timeout)
        self.env.cache.invalidate()
        return response

    # helpers -----------------------------------------------------------------
    def _url(self, path):
        return 'http://%s:%s%s' % (HOST, PORT, path)

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _get_form(self):
        response = self.url_open('/my/order-request')
        self.assertEqual(response.status_code, 200)
        match = CSRF_RE.search(response.text)
        self.assertTrue(match, 'the form has no CSRF token')
        return response, match.group(1)

    def _valid_data(self, **overrides):
        data = {
            'line_product_0': '',
            'line_description_0': 'Activated carbon adsorption unit',
            'line_specification_0': '5000 m3/h, VOC',
            'line_qty_0': '2',
            'line_product_1': str(self.product.id),
            'line_description_1': '',
            'line_specification_1': 'stainless steel, 10 l/h',
            'line_qty_1': '3.5',
            'intake_required_date': self.future_date,
            'intake_site_address': 'Plant 3, 8 Industrial Road',
            'intake_contact_name': 'Carl Contact',
            'intake_contact_phone': '+86 10 6666 5555',
            'standard_ids': [str(self.standard.id)],
            'intake_standard_note': 'Local discharge permit limits',
            'intake_note': 'Please call before visiting the site.',
        }
        data.update(overrides)
        return data

    def _post(self, data, files=None, csrf=True):
        """GET the form (as the authenticated session) then POST ``data`` to it."""
        dummy, token = self._get_form()
        data = dict(data)
        if csrf:
            data['csrf_token'] = token
        response = self.opener.post(self._url('/my/order-request'), data=data,
                                    files=files, timeout=30)
        self.env.cache.invalidate()
        return response

    def _orders(self, partner):
        return self.env['sale.order'].search([
            ('partner_id', '=', partner.id), ('intake_channel', '=', 'portal')])

    def _create_request(self, user, description):
        """Submit a valid request through the form as ``user``; return the order."""
        self._login(user)
        partner = user.partner_id.commercial_partner_id
        before = self._orders(partner)
        response = self._post(self._valid_data(line_description_0=description))
        self.assertEqual(response.status_code, 200)
        order = self._orders(partner) - before
        self.assertEqual(len(order), 1)
        return order
