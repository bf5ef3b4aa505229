# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R10.2: the agreed delivery date/method only change with the other party's consent."""
from datetime import timedelta

import psycopg2

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .common_accept import EcoAcceptCase


class TestChangeRequest(EcoAcceptCase):

    @classmethod
    def setUpClass(cls):
        super(TestChangeRequest, cls).setUpClass()
        cls.order = cls._confirmed_order(cls.partner_a)
        cls.new_date = fields.Date.to_string(
            fields.Date.from_string(cls.required_date) + timedelta(days=10))

    def _staff_request(self, **vals):
        values = {
            'order_id': self.order.id,
            'kind': 'delivery_date',
            'new_date': self.new_date,
            'reason': 'Equipment arrives later from the factory',
        }
        values.update(vals)
        return self.env['eco.order.change.request'].sudo(self.user_staff).create(values)

    def test_direct_write_refused_after_confirmation(self):
        self.assertEqual(self.order.state, 'sale')
        self.assertEqual(self.order.eco_delivery_date, self.required_date)
        for user in (self.user_staff, self.user_manager):
            with self.assertRaises(UserError):
                self.order.sudo(user).write({'eco_delivery_date': self.new_date})
            with self.assertRaises(UserError):
                self.order.sudo(user).write({'eco_delivery_method': 'pickup'})
        self.order.invalidate_cache()
        self.assertEqual(self.order.eco_delivery_date, self.required_date)
        self.assertEqual(self.order.eco_delivery_method, 'site')
        # writing the same value (e.g. a form save) is not a change
        self.order.sudo(self.user_staff).write({'eco_delivery_method': 'site'})

    def test_direct_write_allowed_before_confirmation(self):
        order = self.env['sale.order'].create({'partner_id': self.partner_b.id})
        order.sudo(self.user_staff).write({'eco_delivery_date': self.new_date,
                                           'eco_delivery_method': 'carrier'})
        self.assertEqual(order.eco_delivery_date, self.new_date)
        self.assertEqual(order.eco_delivery_method, 'carrier')

    def test_staff_proposal_approved_by_customer(self):
        request = self._staff_request()
        self.assertEqual(request.old_value_text, self.required_date)
        self.assertEqual(request.new_value_text, self.new_date)
        self.assertEqual(request.proposed_by, 'staff')
        request.action_submit()
        self.assertEqual(request.state, 'pending')
        # the customer is asked for consent by email (message with the token link)
        consent = request.message_ids.filtered(
            lambda m: self.partner_a in m.partner_ids)
        self.assertEqual(len(consent), 1)
        self.assertIn('access_token=%s' % request.sudo().access_token, consent.body)
        # staff cannot approve their own proposal in place of the customer
        with self.assertRaises(UserError):
            request.sudo(self.user_staff).action_approve()
        self.assertEqual(self.order.eco_delivery_date, self.required_date)
        request.sudo()._eco_portal_decide(True, self.contact_a, self.user_portal_a)
        self.assertEqual(request.state, 'approved')
        self.assertEqual(request.decided_partner_id, self.contact_a)
        self.assertEqual(request.decided_by_id, self.user_portal_a)
        self.assertTrue(request.decided_date)
        self.assertEqual(self.order.eco_delivery_date, self.new_date)
        self.assertEqual(self.order.eco_change_request_ids, request)
        self.assertTrue(any('approved' in (m.body or '') and request.name in m.body
                            for m in self.order.message_ids))
        with self.assertRaises(UserError):
            request.sudo()._eco_portal_decide(False, self.contact_a, self.user_portal_a)

    def test_staff_proposal_declined_by_customer(self):
        request = self._staff_request(kind='delivery_method', new_method='pickup',
                                      new_date=False)
        self.assertEqual(request.old_value_text, 'Delivery to site')
        self.assertEqual(request.new_value_text, 'Customer pickup')
        request.action_submit()
        request.sudo()._eco_portal_decide(False, self.contact_a, self.user_portal_a)
        self.assertEqual(request.state, 'declined')
        self.assertEqual(self.order.eco_delivery_method, 'site')
        self.assertEqual(self.order.eco_delivery_date, self.required_date)

    def test_customer_proposal_decided_by_staff(self):
        Request = self.env['eco.order.change.request'].sudo()
        request = Request._eco_portal_propose(
            self.order, self.contact_a, self.user_portal_a, 'delivery_date',
            'Our site is not ready', new_date=self.new_date)
        self.assertEqual(request.state, 'pending')
        self.assertEqual(request.proposed_by, 'customer')
        self.assertEqual(request.proposer_partner_id, self.contact_a)
        activity = request.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_staff)
        # the customer cannot decide their own proposal; a plain user has no access
        with self.assertRaises(UserError):
            request._eco_portal_decide(True, self.contact_a, self.user_portal_a)
        with self.assertRaises(AccessError):
            request.sudo(self.user_plain).action_approve()
        self.assertEqual(self.order.eco_delivery_date, self.required_date)
        request.sudo(self.user_staff).action_approve()
        self.assertEqual(request.state, 'approved')
        self.assertEqual(request.decided_by_id, self.user_staff)
        self.assertEqual(self.order.eco_delivery_date, self.new_date)
        self.assertFalse(request.activity_ids)

    def test_customer_proposal_declined_by_staff(self):
        request = self.env['eco.order.change.request'].sudo()._eco_portal_propose(
            self.order, self.contact_a, self.user_portal_a, 'delivery_method',
            'We collect ourselves', new_method='pickup')
        request.sudo(self.user_staff).action_decline()
        self.assertEqual(request.state, 'declined')
        self.assertEqual(self.order.eco_delivery_method, 'site')

    def test_proposal_needs_reason_and_confirmed_order(self):
        draft = self.env['sale.order'].create({'partner_id': self.partner_a.id})
        with self.assertRaises(UserError):
            self.env['eco.order.change.request'].sudo()._eco_portal_propose(
                draft, self.contact_a, self.user_portal_a, 'delivery_date', 'Reason',
                new_date=self.new_date)
        with mute_logger('odoo.sql_db'), self.assertRaises(psycopg2.IntegrityError):
            with self.env.cr.savepoint():
                self._staff_request(reason=False)
        self.assertFalse(self.order.eco_change_request_ids)

    def test_no_model_access_for_portal_and_plain_users(self):
        request = self._staff_request()
        for user in (self.user_portal_a, self.user_plain):
            with self.assertRaises(AccessError):
                request.sudo(user).read(['state'])
