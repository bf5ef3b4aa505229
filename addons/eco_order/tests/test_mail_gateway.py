# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R2.1 email intake: mails to the order alias become draft order requests; bad
mails are never lost (order flagged incomplete or a logged rejection)."""
import base64

from odoo.tools import mute_logger

from .common import EcoOrderCase

MAIL = """Return-Path: <{email_from}>
To: {to}
From: {email_from}
Subject: {subject}
Date: Mon, 05 Jan 2026 08:00:00 +0000
Message-ID: <{msg_id}>
{extra}MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="ECOBOUNDARY"

--ECOBOUNDARY
Content-Type: text/plain; charset="{charset}"
Content-Transfer-Encoding: 8bit

{body}
--ECOBOUNDARY
Content-Type: application/pdf; name="{filename}"
Content-Disposition: attachment; filename="{filename}"
Content-Transfer-Encoding: base64

{attachment}
--ECOBOUNDARY--
"""

GATEWAY_LOGGERS = ('odoo.addons.mail.models.mail_thread', 'odoo.sql_db',
                   'odoo.addons.eco_order.models.mail_thread', 'odoo.models')

TEXT_WHICH_FLOW_RATE = 'Which flow rate?'


class TestMailGateway(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestMailGateway, cls).setUpClass()
        cls.env['ir.config_parameter'].sudo().set_param(
            'eco_order.intake_max_attachment_mb', '10')
        cls.Order = cls.env['sale.order']
        cls.Rejection = cls.env['eco.intake.rejection']

    def _mail(self, msg_id, email_from='"Alice Green" <alice@greenwater.example.com>',
              to='orders@eco.example.com', subject='Need a wastewater plant',
              body='Please quote 2 units of MBR 50 m3/d.', charset='utf-8',
              filename='request.pdf', attachment=b'%PDF-1.4 request', extra=''):
        return MAIL.format(
            email_from=email_from, to=to, subject=subject, msg_id=msg_id,
            body=body, charset=charset, filename=filename, extra=extra,
            attachment=base64.b64encode(attachment).decode())

    def _process(self, raw, model='sale.order'):
        return self.env['mail.thread'].message_process(model, raw)

    def _orders(self, msg_id):
        messages = self.env['mail.message'].search(
            [('message_id', '=', '<%s>' % msg_id), ('model', '=', 'sale.order')])
        return self.Order.browse(messages.mapped('res_id'))

    def test_good_mail_creates_draft_order(self):
        order_count = self.Order.search_count([])
        thread_id = self._process(self._mail('good-1@greenwater.example.com'))
        order = self.Order.browse(thread_id)
        self.assertEqual(self.Order.search_count([]), order_count + 1)
        self.assertEqual(order.state, 'draft')
        self.assertEqual(order.intake_channel, 'email')
        self.assertEqual(order.intake_state, 'new')
        self.assertEqual(order.partner_id, self.contact_a)
        self.assertEqual(order.intake_contact_name, 'Alice Green')
        self.assertEqual(order.intake_email_subject, 'Need a wastewater plant')
        self.assertNotEqual(order.name, 'Need a wastewater plant')
        self.assertEqual(order.name.startswith('SO'), True)
        self.assertEqual(order.intake_received_date, '2026-01-05 08:00:00')
        self.assertEqual(order.intake_incomplete, False)
        self.assertEqual(order.intake_first_response_date, False)
        mail = order.message_ids.filtered(lambda m: m.message_type == 'email')
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.author_id, self.contact_a)
        self.assertIn('MBR 50 m3/d', mail.body)
        self.assertEqual(mail.attachment_ids.mapped('name'), ['request.pdf'])
        self.assertEqual(base64.b64decode(mail.attachment_ids.datas),
                         b'%PDF-1.4 request')
        self.assertEqual(mail.attachment_ids.res_id, order.id)
        self.assertIn(self.contact_a, order.message_partner_ids)

    def test_unknown_sender_creates_partner(self):
        Partner = self.env['res.partner']
        self.assertEqual(Partner.search_count(
            [('email', '=ilike', 'li@new.example.com')]), 0)
        order = self.Order.browse(self._process(self._mail(
            'new-1@new.example.com', email_from='"Li Na" <li@new.example.com>')))
        partner = Partner.search([('email', '=ilike', 'li@new.example.com')])
        self.assertEqual(len(partner), 1)
        self.assertEqual(partner.name, 'Li Na')
        self.assertEqual(order.partner_id, partner)
        self.assertEqual(order.intake_channel, 'email')

    def test_sender_matching_prefers_company_contact(self):
        self.env['res.partner'].create({
            'name': 'Loose duplicate', 'email': 'ALICE@greenwater.example.com'})
        order = self.Order.browse(self._process(self._mail(
            'dup-1@greenwater.example.com',
            email_from='alice@GreenWater.example.com')))
        self.assertEqual(order.partner_id, self.contact_a)

    def test_mail_without_subject_flagged(self):
        order = self.Order.browse(self._process(self._mail(
            'nosubject-1@greenwater.example.com', subject='')))
        self.assertEqual(order.intake_channel, 'email')
        self.assertEqual(order.intake_incomplete, True)
        self.assertEqual(order.intake_incomplete_reason, 'The email has no subject.')
        self.assertEqual(order.intake_email_subject, False)
        self.assertEqual(order.name.startswith('SO'), True)

    def test_mail_without_body_flagged(self):
        order = self.Order.browse(self._process(self._mail(
            'nobody-1@greenwater.example.com', body='')))
        self.assertEqual(order.intake_incomplete, True)
        self.assertEqual(order.intake_incomplete_reason, 'The email has no body text.')
        mail = order.message_ids.filtered(lambda m: m.message_type == 'email')
        self.assertEqual(len(mail.attachment_ids), 1)

    def test_huge_attachment_not_stored(self):
        self.env['ir.config_parameter'].sudo().set_param(
            'eco_order.intake_max_attachment_mb', '0.001')
        attachment_count = self.env['ir.attachment'].search_count(
            [('res_model', '=', 'sale.order')])
        order = self.Order.browse(self._process(self._mail(
            'huge-1@greenwater.example.com', filename='drawing.pdf',
            attachment=b'x' * 5000)))
        self.assertEqual(order.intake_incomplete, True)
        self.assertEqual(
            order.intake_incomplete_reason,
            'Attachment "drawing.pdf" (0.0 MB) exceeds the size limit and was not '
            'stored.')
        self.assertEqual(self.env['ir.attachment'].search_count(
            [('res_model', '=', 'sale.order')]), attachment_count)
        notes = order.message_ids.filtered(
            lambda m: 'drawing.pdf (5000 bytes)' in (m.body or ''))
        self.assertEqual(len(notes), 1)
        mail = order.message_ids.filtered(lambda m: m.message_type == 'email')
        self.assertEqual(len(mail), 1)
        self.assertEqual(len(mail.attachment_ids), 0)

    def test_unknown_encoding_kept_as_order(self):
        raw = self._mail(
            'charset-1@greenwater.example.com', charset='x-unknown-zz',
            subject='=?x-unknown-zz?Q?Anfrage_K=E4lte?=').encode('utf-8')
        raw = raw.replace(b'Please quote', b'Bitte K\xe4lteanlage')
        order_count = self.Order.search_count([])
        rejection_count = self.Rejection.search_count([])
        thread_id = self._process(raw)
        self.assertEqual(self.Order.search_count([]), order_count + 1)
        self.assertEqual(self.Rejection.search_count([]), rejection_count)
        order = self.Order.browse(thread_id)
        self.assertEqual(order.intake_channel, 'email')
        self.assertEqual(order.partner_id, self.contact_a)
        mail = order.message_ids.filtered(lambda m: m.message_type == 'email')
        self.assertIn('lteanlage', mail.body)

    @mute_logger(*GATEWAY_LOGGERS)
    def test_malformed_mail_logged_as_rejection(self):
        # a NUL character cannot be stored by PostgreSQL: processing fails
        raw = self._mail('nul-1@greenwater.example.com',
                         subject='Broken\x00request')
        order_count = self.Order.search_count([])
        rejection_count = self.Rejection.search_count([])
        message_count = self.env['mail.message'].search_count([])
        result = self._process(raw)
        self.assertEqual(result, False)
        self.assertEqual(self.Order.search_count([]), order_count)
        self.assertEqual(self.Rejection.search_count([]), rejection_count + 1)
        rejection = self.Rejection.search([], limit=1, order='id desc')
        self.assertEqual(rejection.state, 'new')
        self.assertEqual(rejection.email_from,
                         '"Alice Green" <alice@greenwater.example.com>')
        self.assertEqual(rejection.subject, 'Brokenrequest')
        self.assertEqual(
            rejection.reason.startswith(
                'The mail could not be processed into an order request: '), True)
        self.assertEqual(rejection.raw_attachment_id.res_model, 'eco.intake.rejection')
        self.assertEqual(base64.b64decode(rejection.raw_attachment_id.datas),
                         raw.encode('utf-8'))
        # nothing else posted: no message on any order, none on the rejection
        self.assertEqual(self.env['mail.message'].search_count([]), message_count)

    @mute_logger(*GATEWAY_LOGGERS)
    def test_failure_of_other_mail_still_raises(self):
        raw = self._mail('other-1@greenwater.example.com', to='nobody@eco.example.com')
        rejection_count = self.Rejection.search_count([])
        with self.assertRaises(ValueError):
            self._process(raw, model=None)
        self.assertEqual(self.Rejection.search_count([]), rejection_count)

    def test_reply_threads_onto_same_order(self):
        order = self.Order.browse(self._process(self._mail(
            'thread-1@greenwater.example.com')))
        staff_message = order.sudo(self.user_staff).message_post(
            body=TEXT_WHICH_FLOW_RATE, message_type='comment',
            subtype='mail.mt_comment', partner_ids=[self.contact_a.id])
        order_count = self.Order.search_count([])
        messages_before = len(order.message_ids)
        reply = self._mail(
            'thread-2@greenwater.example.com', subject='Re: Need a wastewater plant',
            body='20 m3/h', to='staff@eco.example.com',
            extra='In-Reply-To: %s\nReferences: %s\n' % (
                staff_message.message_id, staff_message.message_id))
        thread_id = self._process(reply)
        self.assertEqual(thread_id, order.id)
        self.assertEqual(self.Order.search_count([]), order_count)
        order.invalidate_cache()
        self.assertEqual(len(order.message_ids), messages_before + 1)
        self.assertEqual(order.message_ids[0].author_id, self.contact_a)

    def test_mail_reply_ends_clarification(self):
        order = self.Order.browse(self._process(self._mail(
            'clar-1@greenwater.example.com')))
        order.write({
            'intake_site_address': 'Plant 3',
            'intake_required_date': self.required_date,
            'order_line': [(0, 0, {'product_id': self.product_service.id,
                                   'product_uom_qty': 1.0})]})
        order.action_intake_review()
        message, _activity = order.sudo(self.user_staff)._eco_intake_clarify(
            '<p>Which flow rate?</p>', self.required_date, self.user_staff)
        self.assertEqual(order.intake_state, 'clarification')
        self._process(self._mail(
            'clar-2@greenwater.example.com', subject='Re: questions', body='20 m3/h',
            extra='In-Reply-To: %s\n' % message.message_id))
        self.assertEqual(order.intake_state, 'review')

    def test_new_mail_notifies_intake_channel(self):
        self.env['ir.config_parameter'].sudo().set_param(
            'eco_order.intake_user_id', str(self.user_staff.id))
        channel = self.env.ref('eco_order.mail_channel_eco_intake')
        channel.invalidate_cache()
        before = len(channel.message_ids)
        order = self.Order.browse(self._process(self._mail(
            'notify-1@greenwater.example.com')))
        channel.invalidate_cache()
        self.assertEqual(len(channel.message_ids), before + 1)
        self.assertIn(order.name, channel.message_ids[0].body)
        activity = order.activity_ids.filtered(
            lambda a: a.summary == 'Review order request')
        self.assertEqual(activity.user_id, self.user_staff)
