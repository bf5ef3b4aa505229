# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Test data for progress, change requests, delivery and acceptance (issue 3 part B).

Self-contained: staff, manager, plain internal user and two portal customers (A, B) of
different companies, and ``_confirmed_order(partner)``.
"""
import hashlib
import hmac
import re
import time
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.tests.common import PORT, HttpCase, SavepointCase


def eco_create_users(cls):
    """Create customers and users on ``cls`` (SavepointCase class or HttpCase test)."""
    env = cls.env
    Partner = env['res.partner']
    cls.partner_a = Partner.create({
        'name': 'Acc Green Water Co.', 'is_company': True, 'customer': True,
        'email': 'info@acc-greenwater.example.com', 'lang': 'en_US'})
    cls.partner_b = Partner.create({
        'name': 'Acc Clean Air Ltd.', 'is_company': True, 'customer': True,
        'email': 'info@acc-cleanair.example.com'})
    cls.contact_a = Partner.create({
        'name': 'Alice Acc', 'parent_id': cls.partner_a.id,
        'email': 'alice@acc-greenwater.example.com'})
    cls.contact_b = Partner.create({
        'name': 'Bob Acc', 'parent_id': cls.partner_b.id,
        'email': 'bob@acc-cleanair.example.com'})
    group_user = env.ref('base.group_user')
    group_portal = env.ref('base.group_portal')
    eco_user = env.ref('eco_order.group_eco_order_user')
    eco_manager = env.ref('eco_order.group_eco_order_manager')

    def user(login, groups, **vals):
        values = {'name': login, 'login': login, 'password': login,
                  'email': '%s@example.com' % login,
                  'groups_id': [(6, 0, groups.ids)]}
        values.update(vals)
        return env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True).create(values)

    cls.user_staff = user('acc_staff', group_user | eco_user, name='Sam Acc Staff')
    cls.user_manager = user(
        'acc_manager', group_user | eco_manager, name='Mia Acc Manager')
    cls.user_plain = user('acc_plain', group_user, name='Pat Acc Plain')
    cls.user_portal_a = user('acc_portal_a', group_portal, partner_id=cls.contact_a.id)
    cls.user_portal_b = user('acc_portal_b', group_portal, partner_id=cls.contact_b.id)
    cls.product = env['product.product'].create({
        'name': 'Acc effluent treatment unit', 'type': 'service', 'list_price': 500.0})
    cls.required_date = fields.Date.to_string(
        fields.Date.from_string(fields.Date.today()) + timedelta(days=30))


def eco_confirmed_order(cls, partner, **vals):
    """A confirmed order of ``partner`` handled by ``user_staff``."""
    values = {
        'partner_id': partner.id,
        'user_id': cls.user_staff.id,
        'order_line': [(0, 0, {'product_id': cls.product.id, 'name': cls.product.name,
                               'product_uom_qty': 1.0})],
    }
    if 'intake_required_date' in cls.env['sale.order']._fields:
        values['intake_required_date'] = cls.required_date
    values.update(vals)
    order = cls.env['sale.order'].create(values)
    if 'intake_state' in order._fields:
        order.write({'intake_state': 'accepted'})
    order.action_confirm()
    if not order.eco_delivery_date:
        order.with_context(eco_change_request_apply=True).write(
            {'eco_delivery_date': cls.required_date})
    return order


def eco_csrf_token(html):
    """CSRF token of a rendered Odoo page."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', html) or re.search(
        r'csrf_token: "([^"]+)"', html)
    return match and match.group(1)


class EcoAcceptCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(EcoAcceptCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        eco_create_users(cls)

    @classmethod
    def _confirmed_order(cls, partner, **vals):
        return eco_confirmed_order(cls, partner, **vals)


class EcoAcceptHttpCase(HttpCase):
    """HttpCase whose test data is visible to the server thread.

    Odoo 11's HttpCase serves requests on the registry's test cursor, not on
    ``self.cr``: the test works on that cursor too and "commits" its set-up (a
    TestCursor commit only moves its savepoint; everything is rolled back when the
    test leaves test mode).
    """

    def setUp(self):
        super(EcoAcceptHttpCase, self).setUp()
        original = (self.cr, self.env)

        @self.addCleanup
        def restore():
            # TransactionCase's clean-up rolls back and closes self.cr: give it back its
            # own cursor (the test cursor is closed when the test leaves test mode)
            self.cr, self.env = original

        self.cr = self.registry.test_cr
        self.env = api.Environment(self.cr, SUPERUSER_ID, {'no_reset_password': True})
        eco_create_users(self)
        self._eco_set_up()
        # TestCursor.commit() only moves the cursor's savepoint, so that the server's
        # rollback after each request keeps the set-up; nothing reaches the database.
        self.cr.commit()  # pylint: disable=invalid-commit

    def _eco_set_up(self):
        """Hook for the test data of a class."""

    def _eco_csrf_token(self):
        """CSRF token of the test session (as ``request.csrf_token()`` computes it)."""
        secret = self.env['ir.config_parameter'].sudo().get_param('database.secret')
        max_ts = int(time.time() + 3600)
        digest = hmac.new(secret.encode('ascii'),
                          ('%s%s' % (self.session_id, max_ts)).encode('utf-8'),
                          hashlib.sha1).hexdigest()
        return '%so%s' % (digest, max_ts)

    def _eco_url(self, path):
        return 'http://127.0.0.1:%s%s' % (PORT, path)

    def _eco_get(self, path):
        return self.opener.get(self._eco_url(path), timeout=60, allow_redirects=False)

    def _eco_post(self, path, data):
        data = dict(data, csrf_token=self._eco_csrf_token())
        return self.opener.post(self._eco_url(path), data=data, timeout=60,
                                allow_redirects=False)

    def _eco_refresh(self):
        """Forget cached values after the server changed records."""
        self.env['res.users'].invalidate_cache()
