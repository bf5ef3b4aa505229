# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Text typed by users or customers is escaped before it goes into chatter HTML
(R7.2, as Odoo's sale does): signer name, questions and answers, re-assignment
reasons, change-request reasons."""
from datetime import timedelta

from odoo import fields

from .common_accept import EcoAcceptCase

EVIL = '<b>x</b><script>alert(1)</script>'
ESCAPED = '&lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;'


class TestChatterEscape(EcoAcceptCase):

    @classmethod
    def setUpClass(cls):
        super(TestChatterEscape, cls).setUpClass()
        cls.order = cls._confirmed_order(cls.partner_a)

    def _last_body(self, record):
        message = self.env['mail.message'].search([
            ('model', '=', record._name), ('res_id', '=', record.id)],
            order='id desc', limit=1)
        return message.body

    def assertEscaped(self, html):
        self.assertIn(ESCAPED, html)
        self.assertNotIn('<script', html)
        self.assertNotIn('<b>x', html)

    def test_question_and_answer(self):
        department = self.env['hr.department'].create({'name': 'Escape Lab'})
        question = self.env['eco.order.question'].sudo(self.user_staff).create({
            'order_id': self.order.id, 'department_id': department.id,
            'question': EVIL})
        question.write({'answer': EVIL})
        question.sudo(self.user_staff).action_answer()
        self.assertEscaped(self._last_body(self.order))
        self.assertIn('Question answered by Sam Acc Staff: %s' % ESCAPED,
                      self._last_body(self.order))

    def test_reassign_reason(self):
        wizard = self.env['eco.order.reassign'].sudo(self.user_manager).create({
            'order_id': self.order.id, 'project_lead_id': self.user_staff.id,
            'reason': EVIL})
        wizard.action_apply()
        body = self._last_body(self.order)
        self.assertEscaped(body)
        self.assertIn('Re-assigned to Sam Acc Staff by Mia Acc Manager: %s' % ESCAPED,
                      body)

    def test_portal_signer_name(self):
        acceptance = self.env['eco.acceptance'].create({
            'order_id': self.order.id, 'customer_representative': 'Alice Acc'})
        acceptance.line_ids.write({'result': 'passed'})
        acceptance.write({'state': 'passed'})
        acceptance._eco_portal_sign(EVIL, signature_text='Alice', ip='127.0.0.1',
                                    partner=self.contact_a)
        self.assertEqual(acceptance.signed_by, EVIL)
        body = self._last_body(self.order)
        self.assertEscaped(body)
        self.assertIn('signed on the portal by %s (IP 127.0.0.1)' % ESCAPED, body)

    def test_change_request_reason(self):
        new_date = fields.Date.to_string(
            fields.Date.from_string(self.required_date) + timedelta(days=10))
        request = self.env['eco.order.change.request'].sudo(self.user_staff).create({
            'order_id': self.order.id, 'kind': 'delivery_date',
            'new_date': new_date, 'reason': EVIL})
        request.action_submit()
        body = self._last_body(self.order)
        self.assertEscaped(body)
        self.assertIn('Reason: %s' % ESCAPED, body)
        customer = self.env['eco.order.change.request'].sudo()._eco_portal_propose(
            self.order, self.contact_a, self.user_portal_a, 'delivery_method',
            EVIL, new_method='pickup')
        self.assertEscaped(customer.activity_ids.note)
        self.assertEscaped(self._last_body(self.order))
