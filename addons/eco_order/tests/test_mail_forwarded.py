# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R2.1 email intake through forwarding mailboxes and redirections: every
occurrence of each recipient header is routed, as the MTA / mailgate delivers
(no fallback model), and bounces keep Odoo's bounce handling."""
import base64

from odoo.tools import mute_logger

from .common import EcoOrderCase
from .test_mail_gateway import GATEWAY_LOGGERS, TEXT_WHICH_FLOW_RATE

# what Postfix hands to the mailgate for a mail the customer sent to the
# company's old address sales@eco-old.example.com, forwarded to the order alias
FORWARDED = """Return-Path: <alice@greenwater.example.com>
Delivered-To: orders@eco.example.com
Received: from mx.eco-old.example.com (mx.eco-old.example.com [192.0.2.20])
\tby mail.eco.example.com (Postfix) with ESMTPS id 4F1A2B3C4D
\tfor <orders@eco.example.com>; Mon, 05 Jan 2026 08:00:05 +0000 (UTC)
Delivered-To: sales@eco-old.example.com
Received: from mail.greenwater.example.com (mail.greenwater.example.com [198.51.100.7])
\tby mx.eco-old.example.com (Postfix) with ESMTP id 9E8D7C6B5A
\tfor <sales@eco-old.example.com>; Mon, 05 Jan 2026 08:00:02 +0000 (UTC)
From: "Alice Green" <alice@greenwater.example.com>
To: "Eco Sales" <sales@eco-old.example.com>
Subject: {subject}
Date: Mon, 05 Jan 2026 08:00:00 +0000
Message-ID: <{msg_id}>
{extra}MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

{body}
"""

# redirected twice (mutt "bounce", Thunderbird "redirect"): each hop adds a
# Resent- block on top; fetched from a POP mailbox, so no Delivered-To
REDIRECTED = """Return-Path: <alice@greenwater.example.com>
Resent-From: "Eco Sales" <sales@eco.example.com>
Resent-Date: Mon, 05 Jan 2026 09:30:00 +0000
Resent-Message-ID: <resent-2.sales@eco.example.com>
Resent-To: orders@eco.example.com
Resent-From: "Li Wei" <li.wei@eco.example.com>
Resent-Date: Mon, 05 Jan 2026 09:00:00 +0000
Resent-Message-ID: <resent-1.li.wei@eco.example.com>
Resent-To: sales@eco.example.com
Received: from mail.greenwater.example.com (mail.greenwater.example.com [198.51.100.7])
\tby mail.eco.example.com (Postfix) with ESMTP id 1A2B3C4D5E
\tfor <li.wei@eco.example.com>; Mon, 05 Jan 2026 08:00:02 +0000 (UTC)
From: "Alice Green" <alice@greenwater.example.com>
To: "Li Wei" <li.wei@eco.example.com>
Subject: Dust collector for workshop 2
Date: Mon, 05 Jan 2026 08:00:00 +0000
Message-ID: <redirect-1@greenwater.example.com>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="=_alt_7f3a"

--=_alt_7f3a
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

Please quote one bag filter dust collector, 12000 m3/h.
--=_alt_7f3a
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

<p>Please quote one bag filter dust collector, 12000 m3/h.</p>
--=_alt_7f3a--
"""

# Postfix virtual alias orders@ -> the local mailbox piping into the mailgate:
# only X-Original-To still names the alias; the customer wrote to a group list
ORIGINAL_TO = """Return-Path: <alice@greenwater.example.com>
X-Original-To: orders@eco.example.com
Delivered-To: odoo@mail.eco.example.com
Received: from mail.greenwater.example.com (mail.greenwater.example.com [198.51.100.7])
\tby mail.eco.example.com (Postfix) with ESMTP id 5E4D3C2B1A
\tfor <orders@eco.example.com>; Mon, 05 Jan 2026 08:00:02 +0000 (UTC)
From: =?utf-8?b?6Z+p5pmT5piO?= <alice@greenwater.example.com>
To: undisclosed-recipients:;
Subject: =?utf-8?b?5rGh5rC05aSE55CG6K6+5aSH6K+i5Lu3?=
Date: Mon, 05 Jan 2026 08:00:00 +0000
Message-ID: <origto-1@greenwater.example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: base64

6K+35oql5Lu3IDIg5aWXIE1CUiA1MCBtMy9kIOaxoeawtOWkhOeQhuiuvuWkh+OAgg==
"""

# the order alias in a second Cc line (as some mail clients write them); To
# names a person, Delivered-To the mailbox piping into the mailgate
CC = """Return-Path: <alice@greenwater.example.com>
Delivered-To: odoo@mail.eco.example.com
Received: from mail.greenwater.example.com (mail.greenwater.example.com [198.51.100.7])
\tby mail.eco.example.com (Postfix) with ESMTP id 6F5E4D3C2B
\tfor <orders@eco.example.com>; Mon, 05 Jan 2026 08:00:02 +0000 (UTC)
From: "Alice Green" <alice@greenwater.example.com>
To: "Sam Staff" <staff@eco.example.com>
Cc: bob@cleanair.example.com
Cc: orders@eco.example.com
Subject: Odour control unit
Date: Mon, 05 Jan 2026 08:00:00 +0000
Message-ID: <cc-1@greenwater.example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Please quote one biofilter odour control unit.
"""

# delivery-status report (RFC 3464) of a mail sent from an order's chatter
BOUNCE = """Return-Path: <>
Delivered-To: {bounce_to}
Received: by mail.eco.example.com (Postfix) id 7A6B5C4D3E;
\tMon, 05 Jan 2026 10:00:09 +0000
Delivered-To: {second_to}
Date: Mon, 05 Jan 2026 10:00:08 +0000 (UTC)
From: MAILER-DAEMON@mx.greenwater.example.com (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: {bounce_to}
Auto-Submitted: auto-replied
Message-Id: <{msg_id}>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="7A6B5C4D3E.1767607208/mx.greenwater.example.com"

This is a MIME-encapsulated message.

--7A6B5C4D3E.1767607208/mx.greenwater.example.com
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.greenwater.example.com.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<alice@greenwater.example.com>: host mail.greenwater.example.com said:
    550 5.1.1 <alice@greenwater.example.com>: User unknown

--7A6B5C4D3E.1767607208/mx.greenwater.example.com
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.greenwater.example.com
X-Postfix-Queue-ID: 7A6B5C4D3E
Arrival-Date: Mon, 05 Jan 2026 10:00:07 +0000 (UTC)

Final-Recipient: rfc822; alice@greenwater.example.com
Original-Recipient: rfc822;alice@greenwater.example.com
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <alice@greenwater.example.com>: User unknown

--7A6B5C4D3E.1767607208/mx.greenwater.example.com
Content-Description: Undelivered Message Headers
Content-Type: message/rfc822

From: "Sam Staff" <staff@eco.example.com>
To: "Alice Green" <alice@greenwater.example.com>
Subject: Your order request
Message-Id: {bounced_msg_id}
Date: Mon, 05 Jan 2026 10:00:06 +0000

Which flow rate?

--7A6B5C4D3E.1767607208/mx.greenwater.example.com--
"""


class TestMailForwarded(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestMailForwarded, cls).setUpClass()
        params = cls.env['ir.config_parameter'].sudo()
        params.set_param('eco_order.intake_max_attachment_mb', '10')
        params.set_param('mail.bounce.alias', 'bounce')
        cls.Order = cls.env['sale.order']
        cls.Rejection = cls.env['eco.intake.rejection']
        cls.alias = cls.env.ref('eco_order.mail_alias_eco_orders')

    def _forwarded(self, msg_id, subject='Need a wastewater plant',
                   body='Please quote 2 units of MBR 50 m3/d.', extra=''):
        return FORWARDED.format(msg_id=msg_id, subject=subject, body=body,
                                extra=extra)

    def _process(self, raw):
        # as odoo-mailgate / fetchmail without a fallback model
        return self.env['mail.thread'].message_process(None, raw)

    def _counts(self):
        return (self.Order.search_count([]), self.Rejection.search_count([]))

    def _assert_new_email_order(self, thread_id, counts, body):
        self.assertEqual(self._counts(), (counts[0] + 1, counts[1]))
        order = self.Order.browse(thread_id)
        self.assertEqual(order.state, 'draft')
        self.assertEqual(order.intake_channel, 'email')
        self.assertEqual(order.intake_state, 'new')
        self.assertEqual(order.partner_id, self.contact_a)
        mail = order.message_ids.filtered(lambda m: m.message_type == 'email')
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.author_id, self.contact_a)
        self.assertIn(body, mail.body)
        return order

    def _post_to_customer(self, order):
        return order.sudo(self.user_staff).message_post(
            body=TEXT_WHICH_FLOW_RATE, message_type='comment',
            subtype='mail.mt_comment', partner_ids=[self.contact_a.id])

    def test_forwarded_mail_two_delivered_to_creates_order(self):
        counts = self._counts()
        raw = self._forwarded('fwd-1@greenwater.example.com')
        thread_id = self._process(raw)
        order = self._assert_new_email_order(thread_id, counts, 'MBR 50 m3/d')
        self.assertEqual(order.intake_email_subject, 'Need a wastewater plant')
        self.assertEqual(order.intake_received_date, '2026-01-05 08:00:00')

    def test_redirected_mail_resent_to_creates_order(self):
        counts = self._counts()
        thread_id = self._process(REDIRECTED)
        order = self._assert_new_email_order(thread_id, counts, '12000 m3/h')
        self.assertEqual(order.intake_email_subject, 'Dust collector for workshop 2')

    def test_alias_only_in_x_original_to_creates_order(self):
        counts = self._counts()
        thread_id = self._process(ORIGINAL_TO)
        order = self._assert_new_email_order(
            thread_id, counts, 'MBR 50 m3/d \u6c61\u6c34\u5904\u7406\u8bbe\u5907')
        self.assertEqual(order.intake_email_subject,
                         '\u6c61\u6c34\u5904\u7406\u8bbe\u5907\u8be2\u4ef7')

    def test_alias_in_second_cc_creates_order(self):
        counts = self._counts()
        thread_id = self._process(CC)
        order = self._assert_new_email_order(thread_id, counts, 'biofilter')
        self.assertEqual(order.intake_email_subject, 'Odour control unit')

    def test_reply_through_forwarding_mailbox_lands_on_order(self):
        order = self.Order.browse(self._process(
            self._forwarded('fwd-thread-1@greenwater.example.com')))
        staff_message = self._post_to_customer(order)
        counts = self._counts()
        messages_before = len(order.message_ids)
        reply = self._forwarded(
            'fwd-thread-2@greenwater.example.com',
            subject='Re: Need a wastewater plant',
            body='20 m3/h, please.', extra='In-Reply-To: %s\nReferences: %s\n' % (
                staff_message.message_id, staff_message.message_id))
        thread_id = self._process(reply)
        self.assertEqual(thread_id, order.id)
        self.assertEqual(self._counts(), counts)
        order.invalidate_cache()
        self.assertEqual(len(order.message_ids), messages_before + 1)
        self.assertEqual(order.message_ids[0].author_id, self.contact_a)
        self.assertIn('20 m3/h', order.message_ids[0].body)

    def test_bounce_to_bounce_alias_keeps_odoo_bounce_handling(self):
        order = self.Order.browse(self._process(
            self._forwarded('fwd-bounce-1@greenwater.example.com')))
        staff_message = self._post_to_customer(order)
        notification = self.env['mail.notification'].search([
            ('mail_message_id', '=', staff_message.id),
            ('res_partner_id', '=', self.contact_a.id)])
        self.assertEqual(len(notification), 1)
        self.assertEqual(self.contact_a.message_bounce, 0)
        bounce_to = 'bounce+%d-sale.order-%d@eco.example.com' % (
            staff_message.id, order.id)
        counts = self._counts()
        messages_before = self.env['mail.message'].search_count([])
        raw = BOUNCE.format(
            bounce_to=bounce_to, second_to='catchall@eco.example.com',
            msg_id='dsn-1@mx.greenwater.example.com',
            bounced_msg_id=staff_message.message_id)
        self.assertEqual(self._process(raw), False)
        self.assertEqual(self._counts(), counts)
        self.assertEqual(self.env['mail.message'].search_count([]), messages_before)
        notification.invalidate_cache()
        self.contact_a.invalidate_cache()
        self.assertEqual(notification.email_status, 'bounce')
        self.assertEqual(self.contact_a.message_bounce, 1)

    def test_bounce_to_order_alias_is_not_an_order_nor_a_rejection(self):
        counts = self._counts()
        messages_before = self.env['mail.message'].search_count([])
        raw = BOUNCE.format(
            bounce_to='orders@eco.example.com',
            second_to='sales@eco-old.example.com',
            msg_id='dsn-2@mx.greenwater.example.com',
            bounced_msg_id='<unknown-1@eco.example.com>')
        self.assertEqual(self._process(raw), False)
        self.assertEqual(self._counts(), counts)
        self.assertEqual(self.env['mail.message'].search_count([]), messages_before)

    @mute_logger(*GATEWAY_LOGGERS)
    def test_forwarded_mail_refused_by_alias_logged_as_rejection(self):
        # the alias accepts known partners only: Odoo refuses (and bounces) the
        # unknown sender; the order desk still gets the mail as a rejection
        self.alias.alias_contact = 'partners'
        raw = self._forwarded('fwd-refused-1@new.example.com').replace(
            'alice@greenwater.example.com', 'li@new.example.com')
        counts = self._counts()
        messages_before = self.env['mail.message'].search_count([])
        self.assertEqual(self._process(raw), False)
        self.assertEqual(self._counts(), (counts[0], counts[1] + 1))
        self.assertEqual(self.env['mail.message'].search_count([]), messages_before)
        rejection = self.Rejection.search([], limit=1, order='id desc')
        self.assertEqual(rejection.state, 'new')
        self.assertEqual(rejection.email_from, '"Alice Green" <li@new.example.com>')
        self.assertEqual(rejection.email_to, '"Eco Sales" <sales@eco-old.example.com>')
        self.assertEqual(rejection.message_id, '<fwd-refused-1@new.example.com>')
        self.assertEqual(
            rejection.reason,
            'The mail could not be processed into an order request: The mail is '
            'addressed to the order alias but no route accepted it (for example the '
            'alias does not accept this sender).')
        self.assertEqual(base64.b64decode(rejection.raw_attachment_id.datas),
                         raw.encode('utf-8'))

    @mute_logger(*GATEWAY_LOGGERS)
    def test_forwarded_malformed_mail_logged_as_rejection(self):
        # a NUL character cannot be stored by PostgreSQL: processing fails
        raw = self._forwarded('fwd-nul-1@greenwater.example.com',
                              subject='Broken\x00request')
        counts = self._counts()
        self.assertEqual(self._process(raw), False)
        self.assertEqual(self._counts(), (counts[0], counts[1] + 1))
        rejection = self.Rejection.search([], limit=1, order='id desc')
        self.assertEqual(rejection.subject, 'Brokenrequest')
        self.assertEqual(rejection.raw_attachment_id.res_model, 'eco.intake.rejection')
        self.assertEqual(base64.b64decode(rejection.raw_attachment_id.datas),
                         raw.encode('utf-8'))

    @mute_logger(*GATEWAY_LOGGERS)
    def test_forwarded_mail_to_no_alias_still_raises(self):
        raw = self._forwarded('fwd-other-1@greenwater.example.com').replace(
            'orders@eco.example.com', 'nobody@eco.example.com')
        counts = self._counts()
        with self.assertRaises(ValueError):
            self._process(raw)
        self.assertEqual(self._counts(), counts)
