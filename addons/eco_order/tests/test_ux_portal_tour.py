# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Real browser (PhantomJS tours): the portal customer answers a clarification and
signs an acceptance (issue 14, defects 1 and 8)."""
from datetime import timedelta

from odoo import fields
from odoo.tests.common import at_install, post_install

from .common_accept import EcoAcceptHttpCase, eco_confirmed_order

TOURS = "odoo.__DEBUG__.services['web_tour.tour']"


@at_install(False)
@post_install(True)
class TestPortalCustomerTour(EcoAcceptHttpCase):

    def _eco_set_up(self):
        self.request = self.env['sale.order'].create({
            'partner_id': self.partner_a.id, 'intake_channel': 'phone',
            'user_id': self.user_staff.id})
        self.request.sudo(self.user_staff).action_intake_review()
        deadline = fields.Date.to_string(
            fields.Date.from_string(fields.Date.today()) + timedelta(days=3))
        self.request.sudo(self.user_staff)._eco_intake_clarify(
            '<p>Which gas flow rate and temperature must the unit treat?</p>',
            deadline, self.user_staff)
        self.order = eco_confirmed_order(self, self.partner_a)
        self.acceptance = self.env['eco.acceptance'].create({
            'order_id': self.order.id, 'customer_representative': 'Alice Acc'})
        self.acceptance.line_ids.write({'result': 'passed'})
        self.acceptance.action_record_result()

    def _tour(self, url, name):
        self.phantom_js(url, "%s.run('%s')" % (TOURS, name),
                        "%s.tours.%s.ready" % (TOURS, name),
                        login=self.user_portal_a.login, timeout=180)
        self._eco_refresh()

    def test_customer_answers_and_signs(self):
        self._tour('/my/orders/%s' % self.request.id, 'eco_order_clarification_answer')
        answer = self.request.message_ids.filtered(
            lambda m: '9500 m3/h, 60 C' in (m.body or ''))
        self.assertEqual(answer.author_id, self.contact_a)
        self._tour('/my/acceptance/%s' % self.acceptance.id,
                   'eco_order_acceptance_sign')
        self.assertEqual(self.acceptance.state, 'signed')
        self.assertEqual(self.acceptance.signed_by, 'Alice Acc')
        self.assertEqual(self.acceptance.signature_text, 'A. Acc')
