# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, defect 3: steps written through sudo() are tracked and posted as the
person who acted, not as the superuser."""
from datetime import timedelta

from odoo import fields
from odoo.tests.common import at_install, post_install

from .alloc_common import EcoAllocationCase
from .common_accept import EcoAcceptHttpCase, eco_confirmed_order


def tracking_author(case, record, field):
    """Author of the latest tracking value of ``field`` on ``record``."""
    tracking = case.env['mail.tracking.value'].search([
        ('mail_message_id', 'in', record.message_ids.ids),
        ('field', '=', field)], order='id desc', limit=1)
    case.assertEqual(len(tracking), 1, 'no tracking of %s' % field)
    return tracking.mail_message_id.author_id


class TestAuditAuthorBackend(EcoAllocationCase):

    def test_acknowledge_tracked_as_the_lead(self):
        self._rule('All', self.lead_1)
        order = self._accepted_order()
        self.assertEqual(tracking_author(self, order, 'eco_project_lead_id'),
                         self.user_staff.partner_id)
        order.sudo(self.lead_1).action_eco_acknowledge()
        self.assertEqual(order.eco_ack_state, 'done')
        self.assertEqual(tracking_author(self, order, 'eco_ack_state'),
                         self.lead_1.partner_id)
        note = order.message_ids.filtered(
            lambda m: 'Receipt acknowledged by Lee One' in (m.body or ''))
        self.assertEqual(note.author_id, self.lead_1.partner_id)


@at_install(False)
@post_install(True)
class TestAuditAuthorPortal(EcoAcceptHttpCase):

    def _eco_set_up(self):
        self.order = eco_confirmed_order(self, self.partner_a)
        self.new_date = fields.Date.to_string(
            fields.Date.from_string(self.required_date) + timedelta(days=5))
        self.change = self.env['eco.order.change.request'].create({
            'order_id': self.order.id, 'kind': 'delivery_date',
            'new_date': self.new_date, 'reason': 'Factory delay'})
        self.change.action_submit()
        self.acceptance = self.env['eco.acceptance'].create({
            'order_id': self.order.id, 'customer_representative': 'Alice Acc'})
        self.acceptance.line_ids.write({'result': 'passed'})
        self.acceptance.action_record_result()

    def test_customer_approval_tracked_as_customer(self):
        self.authenticate(self.user_portal_a.login, self.user_portal_a.login)
        response = self._eco_post(
            '/my/change-requests/%s/decide' % self.change.id, {'decision': 'approve'})
        self.assertEqual(response.status_code, 302)
        self._eco_refresh()
        self.assertEqual(self.change.state, 'approved')
        self.assertEqual(tracking_author(self, self.change, 'state'), self.contact_a)
        self.assertEqual(tracking_author(self, self.order, 'eco_delivery_date'),
                         self.contact_a)
        # the decision note, named and authored by the customer's contact
        note = self.order.message_ids.filtered(
            lambda m: self.change.name in (m.body or '')).sorted('id')[-1]
        self.assertIn(self.contact_a.name, note.body)
        self.assertEqual(note.author_id, self.contact_a)

    def test_customer_proposal_and_signature_tracked_as_customer(self):
        self.authenticate(self.user_portal_a.login, self.user_portal_a.login)
        response = self._eco_post(
            '/my/orders/%s/change-request' % self.order.id,
            {'kind': 'delivery_date', 'new_date': self.new_date,
             'reason': 'Site not ready'})
        self.assertEqual(response.status_code, 302)
        response = self._eco_post('/my/acceptance/%s/sign' % self.acceptance.id,
                                  {'name': 'Alice Acc', 'signature_text': 'A. Acc'})
        self.assertEqual(response.status_code, 302)
        self._eco_refresh()
        proposal = self.order.eco_change_request_ids.filtered(
            lambda r: r.proposed_by == 'customer')
        self.assertEqual(tracking_author(self, proposal, 'state'), self.contact_a)
        self.assertEqual(self.acceptance.state, 'signed')
        self.assertEqual(tracking_author(self, self.acceptance, 'state'),
                         self.contact_a)
