# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Portal: progress, questions, change-request consent and acceptance sign-off over
HTTP, with customer isolation and token checks (R7.1, R9.2, R10.2, R10.3)."""
import json
from datetime import timedelta

from odoo import fields
from odoo.tests.common import at_install, post_install

from .common_accept import EcoAcceptCase, EcoAcceptHttpCase, eco_confirmed_order


def _milestones(case, order):
    """Three milestones of ``order``; the last two notify the customer."""
    now = fields.Datetime.from_string(fields.Datetime.now())
    Milestone = case.env['eco.order.milestone']
    values = [('Design approved', 5, False), ('Equipment installed', 10, True),
              ('Commissioning', 20, True)]
    milestones = Milestone
    for sequence, (name, days, notify) in enumerate(values):
        milestones |= Milestone.create({
            'order_id': order.id,
            'name': name,
            'sequence': sequence,
            'user_id': case.user_staff.id,
            'deadline': fields.Datetime.to_string(now + timedelta(days=days)),
            'notify_customer': notify,
        })
    return milestones


@at_install(False)
@post_install(True)
class TestPortalProgress(EcoAcceptHttpCase):

    def _eco_set_up(self):
        self.order = eco_confirmed_order(self, self.partner_a)
        self.milestones = _milestones(self, self.order)
        self.milestones[0].action_done()
        self.new_date = fields.Date.to_string(
            fields.Date.from_string(self.required_date) + timedelta(days=5))
        self.change = self.env['eco.order.change.request'].create({
            'order_id': self.order.id,
            'kind': 'delivery_date',
            'new_date': self.new_date,
            'reason': 'Factory delay',
        })
        self.change.action_submit()
        self.acceptance = self.env['eco.acceptance'].create({
            'order_id': self.order.id, 'customer_representative': 'Alice Acc'})
        self.acceptance.line_ids.write({'result': 'passed'})
        self.acceptance.action_record_result()

    # helpers
    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _get(self, url):
        return self._eco_get(url)

    def _post(self, url, data):
        return self._eco_post(url, data)

    def _refresh(self):
        self._eco_refresh()

    # tests
    def test_customer_sees_progress_delivery_and_forms(self):
        self._login(self.user_portal_a)
        response = self._get('/my/orders/%s' % self.order.id)
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn('id="eco_delivery"', html)
        self.assertIn('o_eco_question_form', html)
        self.assertIn('o_eco_propose_change', html)
        self.assertIn(self.change.name, html)
        self.assertIn('/my/acceptance/%s' % self.acceptance.id, html)
        response = self._get('/my/change-requests/%s' % self.change.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn('o_eco_change_approve', response.text)

    def test_customer_sees_milestone_progress(self):
        self._login(self.user_portal_a)
        response = self._get('/my/orders/%s' % self.order.id)
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn('id="eco_progress"', html)
        for milestone in self.milestones:
            self.assertIn(milestone.name, html)
        self.assertIn('<span class="o_eco_progress_percent">33%</span>', html)
        self.assertRegex(
            html, r'Next step:</strong>\s*<span>Equipment installed</span>')
        # customer B sees none of it
        self._login(self.user_portal_b)
        response = self._get('/my/orders/%s' % self.order.id)
        self.assertEqual(response.status_code, 302)
        self.assertNotIn('Equipment installed', response.text)

    def test_other_customer_is_isolated(self):
        self._login(self.user_portal_b)
        for url in ('/my/change-requests/%s' % self.change.id,
                    '/my/acceptance/%s' % self.acceptance.id,
                    '/my/acceptance/%s/pdf' % self.acceptance.id):
            response = self._get(url)
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn(self.order.name, response.text)
        # sale's own order page sends B back to /my
        response = self._get('/my/orders/%s' % self.order.id)
        self.assertEqual(response.status_code, 302)
        response = self._post('/my/orders/%s/question' % self.order.id,
                              {'message': 'Intrusion'})
        self.assertEqual(response.status_code, 404)
        response = self._post('/my/change-requests/%s/decide' % self.change.id,
                              {'decision': 'approve'})
        self.assertEqual(response.status_code, 404)
        response = self._post('/my/acceptance/%s/sign' % self.acceptance.id,
                              {'name': 'Bob', 'signature_text': 'Bob'})
        self.assertEqual(response.status_code, 404)
        response = self._post('/my/orders/%s/change-request' % self.order.id,
                              {'new_date': self.new_date, 'reason': 'x'})
        self.assertEqual(response.status_code, 404)
        self._refresh()
        self.assertEqual(self.change.state, 'pending')
        self.assertEqual(self.acceptance.state, 'passed')
        self.assertEqual(len(self.order.eco_change_request_ids), 1)
        self.assertFalse(self.order.message_ids.filtered(
            lambda m: 'Intrusion' in (m.body or '')))

    def test_tampered_token_refused(self):
        token = self.change.access_token
        bad = token[:-4] + ('0000' if token[-4:] != '0000' else '1111')
        response = self._get('/my/change-requests/%s?access_token=%s' % (
            self.change.id, bad))
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(self.change.name, response.text)
        response = self._post('/my/change-requests/%s/decide' % self.change.id,
                              {'decision': 'approve', 'access_token': bad})
        self.assertEqual(response.status_code, 404)
        self._refresh()
        self.assertEqual(self.change.state, 'pending')
        self.assertEqual(self.order.eco_delivery_date, self.required_date)
        # the genuine token from the email works without login
        response = self._get('/my/change-requests/%s?access_token=%s' % (
            self.change.id, token))
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.change.name, response.text)

    def test_anonymous_without_token_goes_to_login(self):
        for url in ('/my/change-requests/%s' % self.change.id,
                    '/my/acceptance/%s' % self.acceptance.id):
            response = self._get(url)
            self.assertEqual(response.status_code, 302)
            self.assertIn('/web/login', response.headers['Location'])
        response = self._post('/my/orders/%s/question' % self.order.id,
                              {'message': 'Anonymous question'})
        self.assertEqual(response.status_code, 404)
        self._refresh()
        self.assertFalse(self.order.message_ids.filtered(
            lambda m: 'Anonymous question' in (m.body or '')))

    def test_token_link_decline_keeps_order(self):
        token = self.change.access_token
        response = self._post('/my/change-requests/%s/decide' % self.change.id,
                              {'decision': 'decline', 'access_token': token})
        self.assertEqual(response.status_code, 302)
        self._refresh()
        self.assertEqual(self.change.state, 'declined')
        self.assertEqual(self.change.decided_partner_id, self.partner_a)
        self.assertEqual(self.order.eco_delivery_date, self.required_date)

    def test_customer_approves_change_on_portal(self):
        self._login(self.user_portal_a)
        response = self._post('/my/change-requests/%s/decide' % self.change.id,
                              {'decision': 'approve', 'note': 'OK for us'})
        self.assertEqual(response.status_code, 302)
        self._refresh()
        self.assertEqual(self.change.state, 'approved')
        self.assertEqual(self.change.decided_partner_id, self.contact_a)
        self.assertEqual(self.change.decision_note, 'OK for us')
        self.assertEqual(self.order.eco_delivery_date, self.new_date)

    def test_question_creates_message_and_activity(self):
        self._login(self.user_portal_a)
        response = self._post('/my/orders/%s/question' % self.order.id,
                              {'message': 'When does the crew arrive?'})
        self.assertEqual(response.status_code, 302)
        self._refresh()
        messages = self.order.message_ids.filtered(
            lambda m: 'When does the crew arrive?' in (m.body or ''))
        self.assertEqual(len(messages), 1)
        self.assertEqual(messages.author_id, self.contact_a)
        self.assertEqual(messages.message_type, 'comment')
        activities = self.env['mail.activity'].search([
            ('res_model', '=', 'sale.order'), ('res_id', '=', self.order.id),
            ('summary', '=', 'Customer question')])
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.user_staff)

    def test_customer_proposes_new_date(self):
        self._login(self.user_portal_a)
        response = self._post('/my/orders/%s/change-request' % self.order.id,
                              {'kind': 'delivery_date', 'new_date': self.new_date,
                               'reason': 'Site not ready'})
        self.assertEqual(response.status_code, 302)
        self._refresh()
        proposal = self.order.eco_change_request_ids.filtered(
            lambda r: r.proposed_by == 'customer')
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.state, 'pending')
        self.assertEqual(proposal.new_date, self.new_date)
        self.assertEqual(proposal.proposer_partner_id, self.contact_a)
        self.assertEqual(self.order.eco_delivery_date, self.required_date)

    def test_customer_signs_acceptance(self):
        self._login(self.user_portal_a)
        response = self._get('/my/acceptance/%s' % self.acceptance.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn('o_eco_acceptance_sign', response.text)
        response = self._post('/my/acceptance/%s/sign' % self.acceptance.id,
                              {'name': 'Alice Acc', 'signature_text': 'A. Acc'})
        self.assertEqual(response.status_code, 302)
        self._refresh()
        self.assertEqual(self.acceptance.state, 'signed')
        self.assertEqual(self.acceptance.signed_by, 'Alice Acc')
        self.assertEqual(self.acceptance.signature_text, 'A. Acc')
        self.assertEqual(self.acceptance.signed_ip, '127.0.0.1')
        self.assertTrue(self.acceptance.signed_date)
        response = self._get('/my/orders/%s' % self.order.id)
        self.assertIn('o_eco_acceptance_state', response.text)

    def test_customer_draws_signature(self):
        """Odoo's portal signature widget posts a drawn PNG to the JSON route."""
        png = ('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk'
               '+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
            'res_id': self.acceptance.id, 'partner_name': 'Alice Acc',
            'signature': png}}
        # customer B is refused
        self._login(self.user_portal_b)
        response = self.opener.post(
            self._eco_url('/my/acceptance/sign_drawn'), data=json.dumps(payload),
            headers={'Content-Type': 'application/json'}, timeout=60)
        self.assertIn('error', response.json()['result'])
        self._refresh()
        self.assertEqual(self.acceptance.state, 'passed')
        self._login(self.user_portal_a)
        response = self.opener.post(
            self._eco_url('/my/acceptance/sign_drawn'), data=json.dumps(payload),
            headers={'Content-Type': 'application/json'}, timeout=60)
        result = response.json()['result']
        self.assertIn('redirect_url', result)
        self._refresh()
        self.assertEqual(self.acceptance.state, 'signed')
        self.assertEqual(self.acceptance.signed_by, 'Alice Acc')
        self.assertEqual(self.acceptance.signed_ip, '127.0.0.1')
        self.assertTrue(self.acceptance.signature)
        html = self.env.ref(
            'eco_order.action_report_eco_acceptance_certificate').render_qweb_html(
            self.acceptance.ids)[0]
        html = html.decode() if isinstance(html, bytes) else html
        self.assertIn('data:image/png;base64,', html)


class TestProgressEmail(EcoAcceptCase):
    """Progress emails when a milestone the customer follows is reached."""

    @classmethod
    def setUpClass(cls):
        super(TestProgressEmail, cls).setUpClass()
        cls.order = cls._confirmed_order(cls.partner_a)
        cls.milestones = _milestones(cls, cls.order)

    def _progress_messages(self):
        return self.order.message_ids.filtered(
            lambda m: m.subject and 'completed' in m.subject)

    def test_progress_email_on_notified_milestone(self):
        silent, notified, last = self.milestones
        silent.sudo(self.user_staff).action_done()
        self.assertFalse(self._progress_messages())
        self.assertFalse(silent.customer_notified_date)
        notified.sudo(self.user_staff).action_done()
        message = self._progress_messages()
        self.assertEqual(len(message), 1)
        self.assertEqual(message.subject,
                         '%s: Equipment installed completed' % self.order.name)
        self.assertIn('Equipment installed', message.body)
        self.assertIn('Next step: <strong>Commissioning</strong>', message.body)
        self.assertIn('/my/orders/%s' % self.order.id, message.body)
        self.assertIn(self.partner_a, message.partner_ids)
        self.assertTrue(notified.customer_notified_date)
        last.sudo(self.user_staff).action_done()
        self.assertEqual(len(self._progress_messages()), 2)
        self.assertIn('All steps of your order are now completed',
                      self._progress_messages()[0].body)
        progress = self.order._eco_portal_progress()
        self.assertEqual((progress['percent'], progress['done_count']), (100, 3))
        self.assertFalse(progress['next'])

    def test_question_goes_to_project_lead(self):
        self.order.write({'eco_project_lead_id': self.user_manager.id})
        message = self.order.sudo()._eco_customer_question(
            'Can you send the test report?', self.contact_a, kind='opinion')
        self.assertEqual(message.author_id, self.contact_a)
        activity = self.order.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_manager)
        self.assertEqual(activity.summary, 'Customer opinion / suggestion')
