# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, defect 2: a change request refuses a delivery date in the past, from the
backend and from the portal (server check, field marked in the browser)."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests.common import at_install, post_install

from .common_accept import EcoAcceptCase, EcoAcceptHttpCase, eco_confirmed_order


def _days(days):
    return fields.Date.to_string(
        fields.Date.from_string(fields.Date.today()) + timedelta(days=days))


class TestChangeDateBackend(EcoAcceptCase):

    @classmethod
    def setUpClass(cls):
        super(TestChangeDateBackend, cls).setUpClass()
        cls.order = cls._confirmed_order(cls.partner_a)

    def _request(self, new_date):
        return self.env['eco.order.change.request'].sudo(self.user_staff).create({
            'order_id': self.order.id, 'kind': 'delivery_date',
            'new_date': new_date, 'reason': 'Factory delay'})

    def test_min_date_is_today(self):
        self.assertEqual(self.order._eco_change_min_date(), fields.Date.today())

    def test_past_date_refused(self):
        with self.assertRaises(ValidationError) as error:
            with self.env.cr.savepoint():
                self._request(_days(-1))
        self.assertIn('in the past', error.exception.name)
        self.order.invalidate_cache()
        self.assertFalse(self.order.eco_change_request_ids)
        # today and later are fine
        request = self._request(fields.Date.today())
        self.assertEqual(request.new_date, fields.Date.today())
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                request.write({'new_date': _days(-3)})
        request.invalidate_cache()
        self.assertEqual(request.new_date, fields.Date.today())

    def test_past_date_onchange_warns(self):
        request = self.env['eco.order.change.request'].new({
            'order_id': self.order.id, 'kind': 'delivery_date',
            'new_date': _days(-2)})
        result = request._onchange_eco_new_date()
        self.assertEqual(result['warning']['title'], 'Date in the past')
        self.assertFalse(request.new_date)


@at_install(False)
@post_install(True)
class TestChangeDatePortal(EcoAcceptHttpCase):

    def _eco_set_up(self):
        self.order = eco_confirmed_order(self, self.partner_a)

    def test_portal_refuses_past_date_and_marks_field(self):
        self.authenticate(self.user_portal_a.login, self.user_portal_a.login)
        response = self._eco_get('/my/orders/%s' % self.order.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn('min="%s"' % fields.Date.today(), response.text)
        response = self._eco_post(
            '/my/orders/%s/change-request' % self.order.id,
            {'kind': 'delivery_date', 'new_date': _days(-5), 'reason': 'Too late'})
        self.assertEqual(response.status_code, 302)
        self.assertIn('eco_error=change_date_past', response.headers['Location'])
        self._eco_refresh()
        self.assertFalse(self.order.eco_change_request_ids)
        self.assertEqual(self.order.eco_delivery_date, self.required_date)
        response = self._eco_get(
            '/my/orders/%s?eco_error=change_date_past' % self.order.id)
        self.assertIn('The proposed delivery date is in the past', response.text)
        self.assertIn('aria-invalid="true"', response.text)
