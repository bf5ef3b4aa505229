# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Portal over HTTP: a customer reports a problem on their own equipment and sees
the SLA due times; two customers isolated (tampered ids and tokens refused)."""
from odoo.tests.common import at_install, post_install

from odoo.addons.eco_order.tests.common_accept import EcoAcceptHttpCase


@at_install(False)
@post_install(True)
class TestAftersalesPortal(EcoAcceptHttpCase):

    def _eco_set_up(self):
        Equipment = self.env['eco.equipment']
        product = self.env['product.product'].create(
            {'name': 'Aft portal blower', 'type': 'consu'})
        self.unit_a = Equipment.create({'name': 'AFTP-A-01', 'product_id': product.id,
                                        'partner_id': self.partner_a.id})
        self.unit_b = Equipment.create({'name': 'AFTP-B-01', 'product_id': product.id,
                                        'partner_id': self.partner_b.id})
        order_b = self.env['sale.order'].create({'partner_id': self.partner_b.id})
        self.commitment_b = self.env['eco.service.commitment'].create({
            'order_id': order_b.id, 'warranty_months': 12})
        self.ticket_b = self.env['helpdesk.ticket'].create({
            'name': 'Aft B blower stops', 'partner_id': self.contact_b.id,
            'eco_equipment_id': self.unit_b.id})

    def _tickets_of(self, partner):
        return self.env['helpdesk.ticket'].search([('partner_id', '=', partner.id)])

    def test_01_customer_reports_on_own_equipment(self):
        self.authenticate(self.user_portal_a.login, self.user_portal_a.login)
        response = self._eco_get('/my/service/ticket/new')
        self.assertEqual(response.status_code, 200)
        self.assertIn('AFTP-A-01', response.text)
        self.assertNotIn('AFTP-B-01', response.text)
        response = self._eco_post('/my/service/ticket/new', {
            'equipment_id': self.unit_a.id, 'subject': 'Blower <b>noisy</b>',
            'description': 'Since <script>x</script> Monday', 'priority': '2'})
        self.assertIn(response.status_code, (302, 303))
        ticket = self._tickets_of(self.contact_a)
        self.assertEqual(len(ticket), 1)
        self.assertTrue(
            response.headers['Location'].endswith('/my/ticket/%s' % ticket.id))
        self.assertEqual((ticket.eco_equipment_id, ticket.priority, ticket.name),
                         (self.unit_a, '2', 'Blower <b>noisy</b>'))
        self.assertNotIn('<script>', ticket.description)
        self.assertTrue(ticket.eco_first_response_due)
        response = self._eco_get('/my/ticket/%s' % ticket.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn('o_eco_first_response_due', response.text)
        self.assertIn(ticket._eco_portal_due_local('eco_resolution_due'), response.text)

    def test_02_tampered_ids_and_tokens_refused(self):
        self.authenticate(self.user_portal_a.login, self.user_portal_a.login)
        # another customer's equipment: refused, nothing created
        response = self._eco_post('/my/service/ticket/new', {
            'equipment_id': self.unit_b.id, 'subject': 'Mallory'})
        self.assertIn(response.status_code, (302, 303))
        self.assertIn('eco_error=missing', response.headers['Location'])
        self.assertFalse(self._tickets_of(self.contact_a))
        self.assertEqual(len(self.unit_b.eco_ticket_ids), 1)
        # another customer's ticket: not shown, not closable
        response = self._eco_get('/my/ticket/%s' % self.ticket_b.id)
        self.assertIn(response.status_code, (302, 303))
        self.assertNotIn('/my/ticket/', response.headers['Location'])
        done = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done')
        response = self._eco_get('/ticket/close?ticket_id=%s&stage_id=%s' % (
            self.ticket_b.id, done.id))
        self.assertEqual(response.status_code, 404)
        self.ticket_b.invalidate_cache()
        self.assertFalse(self.ticket_b.closed)
        # another customer's commitment, with a tampered token
        url = '/my/service/commitment/%s' % self.commitment_b.id
        self.assertEqual(self._eco_get(url).status_code, 404)
        token = self.commitment_b.access_token
        bad = token[:-1] + ('0' if token[-1] != '0' else '1')
        self.assertEqual(self._eco_get('%s?access_token=%s' % (url, bad)).status_code,
                         404)
        response = self._eco_get('%s?access_token=%s' % (url, token))
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.commitment_b.name, response.text)

    def test_03_customer_closes_own_ticket(self):
        self.authenticate(self.user_portal_b.login, self.user_portal_b.login)
        response = self._eco_get('/my/service/commitment/%s' % self.commitment_b.id)
        self.assertEqual(response.status_code, 200)
        done = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done')
        response = self._eco_get('/ticket/close?ticket_id=%s&stage_id=%s' % (
            self.ticket_b.id, done.id))
        self.assertIn(response.status_code, (302, 303))
        self.ticket_b.invalidate_cache()
        self.assertTrue(self.ticket_b.closed)
        self.assertTrue(self.ticket_b.eco_survey_input_id)
