# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, defect 8: the portal acceptance page has one sign-off form; the
certificate appears once signed."""
from odoo.tests.common import at_install, post_install

from .common_accept import EcoAcceptHttpCase, eco_confirmed_order


@at_install(False)
@post_install(True)
class TestAcceptancePage(EcoAcceptHttpCase):

    def _eco_set_up(self):
        self.order = eco_confirmed_order(self, self.partner_a)
        self.acceptance = self.env['eco.acceptance'].create({
            'order_id': self.order.id, 'customer_representative': 'Alice Acc'})
        self.acceptance.line_ids.write({'result': 'passed'})
        self.acceptance.action_record_result()

    def test_one_form_and_certificate_after_signing(self):
        self.authenticate(self.user_portal_a.login, self.user_portal_a.login)
        url = '/my/acceptance/%s' % self.acceptance.id
        page = self._eco_get(url).text
        self.assertEqual(page.count('o_eco_acceptance_sign'), 1)
        self.assertNotIn('o_portal_signature_form', page)
        self.assertNotIn('o_eco_certificate_link', page)
        self.assertEqual(self._eco_get(url + '/pdf').status_code, 404)
        response = self._eco_post(url + '/sign',
                                  {'name': 'Alice Acc', 'signature_text': 'A. Acc'})
        self.assertEqual(response.status_code, 302)
        self._eco_refresh()
        self.assertEqual(self.acceptance.state, 'signed')
        page = self._eco_get(url).text
        self.assertNotIn('o_eco_acceptance_sign"', page)
        self.assertEqual(page.count('o_eco_certificate_link'), 1)
        self.assertIn('/my/acceptance/%s/pdf' % self.acceptance.id, page)
