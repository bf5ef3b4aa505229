# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, defect 1: the customer reads the clarification question and the
messages meant for them on the portal, and answers there."""
from datetime import timedelta

from werkzeug.urls import url_parse

from odoo import fields
from odoo.tests.common import at_install, post_install

from .common_accept import EcoAcceptHttpCase


@at_install(False)
@post_install(True)
class TestPortalClarification(EcoAcceptHttpCase):

    def _eco_set_up(self):
        self.order = self.env['sale.order'].create({
            'partner_id': self.partner_a.id, 'intake_channel': 'fax',
            'user_id': False, 'intake_note': 'Scrubber for line 2'})
        self.order.sudo(self.user_staff).action_intake_review()
        deadline = fields.Date.to_string(
            fields.Date.from_string(fields.Date.today()) + timedelta(days=3))
        self.order.sudo(self.user_staff)._eco_intake_clarify(
            '<p>Which flue gas flow rate must the scrubber treat?</p>', deadline,
            self.user_staff)
        internal_note = 'Internal: check the credit limit first'
        self.order.message_post(body=internal_note, subtype='mail.mt_note')

    def test_customer_reads_question_and_answers(self):
        self.assertEqual(self.order.intake_state, 'clarification')
        self.assertFalse(self.order.eco_project_lead_id)
        self.authenticate(self.user_portal_a.login, self.user_portal_a.login)
        response = self._eco_get('/my/orders/%s' % self.order.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn('o_eco_clarification_question', response.text)
        self.assertIn('Which flue gas flow rate must the scrubber treat?',
                      response.text)
        self.assertIn('name="kind" value="answer"', response.text)
        self.assertNotIn('check the credit limit', response.text)
        response = self._eco_post('/my/orders/%s/question' % self.order.id,
                                  {'message': '12000 m3/h at 80 C', 'kind': 'answer'})
        self.assertEqual(response.status_code, 302)
        self._eco_refresh()
        answer = self.order.message_ids.filtered(
            lambda m: '12000 m3/h at 80 C' in (m.body or ''))
        self.assertEqual(answer.author_id, self.contact_a)
        self.assertIn('Customer answer to the clarification', answer.body)
        location = url_parse(response.headers['Location'])
        page = self._eco_get('%s?%s' % (location.path, location.query)).text
        self.assertIn('12000 m3/h at 80 C', page)
        self.assertIn('Messages', page)
        # no promise of a project lead: none is assigned
        self.assertIn('sent to our team', page)
        self.assertNotIn('sent to your project lead', page)
        self.assertNotIn('check the credit limit', page)

    def test_other_customer_sees_nothing(self):
        self.authenticate(self.user_portal_b.login, self.user_portal_b.login)
        response = self._eco_get('/my/orders/%s' % self.order.id)
        self.assertNotIn('Which flue gas flow rate', response.text)
        response = self._eco_post('/my/orders/%s/question' % self.order.id,
                                  {'message': 'Intruder', 'kind': 'answer'})
        self.assertEqual(response.status_code, 404)
        self._eco_refresh()
        self.assertFalse(self.order.message_ids.filtered(
            lambda m: 'Intruder' in (m.body or '')))
