# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R2.2: completeness check, intake states, clarification, confirmation gate."""
import base64
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import EcoOrderCase

TEXT_REMINDER = 'Reminder'
TEXT_NOT_MY_ORDER = 'Not my order'
TEXT_THE_FLOW_RATE_IS_20_M3_H = 'The flow rate is 20 m3/h'


class TestIntakeReview(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestIntakeReview, cls).setUpClass()
        cls.partner_bare = cls.env['res.partner'].create({
            'name': 'Bare Customer', 'customer': True})

    def test_completeness_lists_missing_items(self):
        order = self.env['sale.order'].sudo(self.user_staff).create({
            'partner_id': self.partner_bare.id,
        })
        self.assertEqual(order.intake_missing, '\n'.join([
            'Contact person',
            'Contact phone',
            'Address',
            'At least one service item or product',
            'Required delivery date',
        ]))
        self.assertEqual(order.intake_is_complete, False)
        order.write({
            'intake_contact_name': 'Mr. Wang',
            'intake_required_date': self.required_date,
            'order_line': [(0, 0, {
                'product_id': self.product_unspecified.id,
                'name': 'Some filter',
                'product_uom_qty': 0.0,
            })],
        })
        self.assertEqual(order.intake_missing, '\n'.join([
            'Contact phone',
            'Address',
            'Line 1 ([ECO-TBD] Item to be identified): specification',
            'Line 1 ([ECO-TBD] Item to be identified): quantity',
        ]))
        order.order_line.write({'eco_specification': 'Bag filter 2 m2',
                                'product_uom_qty': 3.0})
        self.partner_bare.write({'phone': '123', 'street': 'Main St 1',
                                 'city': 'Nanjing'})
        self.assertEqual(order.intake_missing, False)
        self.assertEqual(order.intake_is_complete, True)

    def test_fax_order_needs_attachment(self):
        order = self._create_order(self.partner_a, intake_channel='fax')
        self.assertEqual(order.intake_missing, 'Fax or scan attached to the order')
        order.action_intake_review()
        with self.assertRaises(UserError):
            order.action_intake_accept()
        self.assertEqual(order.intake_state, 'review')
        self.env['ir.attachment'].sudo(self.user_staff).create({
            'name': 'fax.pdf',
            'datas_fname': 'fax.pdf',
            'datas': base64.b64encode(b'%PDF-1.4 fax'),
            'res_model': 'sale.order',
            'res_id': order.id,
        })
        self.assertEqual(order.intake_missing, False)
        self.assertEqual(order.intake_attachment_count, 1)
        order.action_intake_accept()
        self.assertEqual(order.intake_state, 'accepted')

    def test_transitions_review_accept(self):
        order = self._create_order(self.partner_a)
        order.sudo(self.user_staff).action_intake_review()
        self.assertEqual(order.intake_state, 'review')
        order.sudo(self.user_staff).action_intake_accept()
        self.assertEqual(order.intake_state, 'accepted')
        self.assertEqual(bool(order.intake_accepted_date), True)

    def test_refused_transitions_change_nothing(self):
        order = self._create_order(self.partner_a)
        with self.assertRaises(UserError):
            order.action_intake_accept()
        self.assertEqual(order.intake_state, 'new')
        with self.assertRaises(UserError):
            order.action_intake_clarify()
        self.assertEqual(order.intake_state, 'new')
        order.action_intake_review()
        with self.assertRaises(UserError):
            order.action_intake_review()
        self.assertEqual(order.intake_state, 'review')
        order.action_intake_accept()
        with self.assertRaises(UserError):
            order.action_intake_reject()
        with self.assertRaises(UserError):
            order._eco_intake_reject('Too late')
        self.assertEqual(order.intake_state, 'accepted')
        self.assertEqual(order.intake_reject_reason, False)

    def test_accept_incomplete_refused_with_list(self):
        order = self._create_order(
            self.partner_a, intake_required_date=False, intake_contact_phone=False)
        self.partner_a.phone = False
        order.action_intake_review()
        with self.assertRaises(UserError) as error:
            order.action_intake_accept()
        self.assertIn('Contact phone\nRequired delivery date', error.exception.name)
        self.assertEqual(order.intake_state, 'review')
        self.assertEqual(order.intake_accepted_date, False)

    def test_accept_refused_when_flagged_incomplete(self):
        order = self._create_order(
            self.partner_a, intake_incomplete=True,
            intake_incomplete_reason='The email has no subject.')
        order.action_intake_review()
        with self.assertRaises(UserError):
            order.action_intake_accept()
        self.assertEqual(order.intake_state, 'review')
        order.action_intake_clear_incomplete()
        order.action_intake_accept()
        self.assertEqual(order.intake_state, 'accepted')

    def test_reject_wizard(self):
        order = self._create_order(self.partner_a)
        action = order.sudo(self.user_staff).action_intake_reject()
        self.assertEqual(action['res_model'], 'eco.intake.reject')
        wizard = self.env['eco.intake.reject'].sudo(self.user_staff).with_context(
            action['context']).create({'reason': 'We do not install in that region'})
        wizard.action_reject()
        self.assertEqual(order.intake_state, 'rejected')
        self.assertEqual(order.intake_reject_reason, 'We do not install in that region')
        self.assertIn('We do not install in that region', order.message_ids[0].body)
        with self.assertRaises(UserError):
            order._eco_intake_reject('again')
        self.assertEqual(order.intake_reject_reason, 'We do not install in that region')

    def test_reject_requires_reason(self):
        order = self._create_order(self.partner_a)
        with self.assertRaises(UserError):
            order._eco_intake_reject('   ')
        self.assertEqual(order.intake_state, 'new')

    def test_clarification_message_and_activity(self):
        order = self._create_order(self.partner_a)
        order.action_intake_review()
        action = order.sudo(self.user_staff).action_intake_clarify()
        self.assertEqual(action['res_model'], 'eco.intake.clarify')
        wizard = self.env['eco.intake.clarify'].sudo(self.user_staff).with_context(
            action['context']).create({'body': '<p>Which flow rate do you need?</p>'})
        deadline = fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(wizard))
            + timedelta(days=2))
        self.assertEqual(wizard.deadline, deadline)
        wizard.action_send()
        self.assertEqual(order.intake_state, 'clarification')
        activity = order.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(
                'eco_order.mail_activity_type_eco_clarification'))
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, deadline)
        self.assertEqual(activity.user_id, self.user_staff)
        sent = order.message_ids.filtered(
            lambda m: 'Which flow rate' in (m.body or '')
            and m.message_type == 'comment')
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent.partner_ids, self.partner_a)
        self.assertEqual(sent.author_id, self.user_staff.partner_id)
        self.assertEqual(sent.subtype_id, self.env.ref('mail.mt_comment'))

    def _clarifying_order(self, partner):
        order = self._create_order(partner)
        order.action_intake_review()
        order._eco_intake_clarify(
            '<p>Question</p>', self.required_date, self.user_staff)
        self.assertEqual(order.intake_state, 'clarification')
        return order

    def test_portal_reply_back_to_review(self):
        order = self._clarifying_order(self.partner_a)
        # staff messages or other customers do not end the clarification
        order.sudo(self.user_staff).message_post(
            body=TEXT_REMINDER, message_type='comment', subtype='mail.mt_comment')
        order.sudo().message_post(
            body=TEXT_NOT_MY_ORDER, message_type='comment', subtype='mail.mt_comment',
            author_id=self.contact_b.id)
        self.assertEqual(order.intake_state, 'clarification')
        # portal chatter posts as the portal user's partner (sudo, like the controller)
        order.sudo().message_post(
            body=TEXT_THE_FLOW_RATE_IS_20_M3_H, message_type='comment',
            subtype='mail.mt_comment', author_id=self.user_portal_a.partner_id.id)
        self.assertEqual(order.intake_state, 'review')

    def test_confirm_refused_until_accepted(self):
        order = self._create_order(self.partner_a)
        with self.assertRaises(UserError):
            order.sudo(self.user_staff).action_confirm()
        self.assertEqual(order.state, 'draft')
        self.assertEqual(order.intake_state, 'new')
        order.action_intake_review()
        with self.assertRaises(UserError):
            order.action_confirm()
        self.assertEqual(order.state, 'draft')
        order.action_intake_accept()
        order.sudo(self.user_staff).action_confirm()
        self.assertEqual(order.state, 'sale')

    def test_confirm_refused_for_mixed_batch(self):
        accepted = self._create_order(self.partner_a)
        accepted.action_intake_review()
        accepted.action_intake_accept()
        pending = self._create_order(self.partner_b)
        with self.assertRaises(UserError):
            (accepted | pending).action_confirm()
        self.assertEqual(accepted.state, 'draft')
        self.assertEqual(pending.state, 'draft')

    def test_copy_restarts_intake(self):
        order = self._create_order(self.partner_a)
        order.action_intake_review()
        order.action_intake_accept()
        copy = order.copy()
        self.assertEqual(copy.intake_state, 'new')
        self.assertEqual(copy.intake_accepted_date, False)

    def test_rejection_log_access(self):
        rejection = self.env['eco.intake.rejection']._eco_create_from_raw(
            b'Subject: x\n\nbroken', 'test reason', email_from='a@example.com',
            subject='x')
        self.assertEqual(
            rejection.sudo(self.user_staff).read(['subject'])[0]['subject'], 'x')
        with self.assertRaises(AccessError):
            rejection.sudo(self.user_plain).read(['subject'])
        with self.assertRaises(AccessError):
            rejection.sudo(self.user_portal_a).read(['subject'])
        with self.assertRaises(AccessError):
            self.env['eco.intake.rejection'].sudo(self.user_plain).search([])

    def test_existing_orders_taken_over_as_accepted(self):
        # pre_init_hook: orders that existed before the install stay confirmable
        order = self.env.ref('sale.sale_order_1', raise_if_not_found=False)
        if not order:
            self.skipTest('sale demo data not installed')
        self.assertEqual(order.intake_state, 'accepted')
        self.assertEqual(order.intake_channel, 'other')
        self.assertEqual(order.state, 'draft')
        order.action_confirm()
        self.assertEqual(order.state, 'sale')

    def test_review_actions_need_order_staff(self):
        salesman = self._create_user(
            'eco_test_salesman',
            self.group_user | self.env.ref('sales_team.group_sale_salesman_all_leads'))
        order = self._create_order(self.partner_a)
        with self.assertRaises(AccessError):
            order.sudo(salesman).action_intake_review()
        self.assertEqual(order.intake_state, 'new')
        order.action_intake_review()
        with self.assertRaises(AccessError):
            order.sudo(salesman).action_intake_accept()
        self.assertEqual(order.intake_state, 'review')
