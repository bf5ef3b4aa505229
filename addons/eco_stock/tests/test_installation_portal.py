# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Portal sign-off of installation jobs over HTTP: two customers isolated, a
tampered token refused, a failed commissioning not signable."""
from odoo.tests.common import at_install, post_install

from odoo.addons.eco_order.tests.common_accept import (
    EcoAcceptHttpCase, eco_confirmed_order)


@at_install(False)
@post_install(True)
class TestInstallationPortal(EcoAcceptHttpCase):

    def _eco_set_up(self):
        standard = self.env.ref('eco_order.eco_standard_gb_18918_2002')
        employee = self.env['hr.employee'].create({'name': 'St Portal Tech'})
        self.order_a = eco_confirmed_order(
            self, self.partner_a, intake_standard_ids=[(6, 0, standard.ids)])
        self.order_b = eco_confirmed_order(self, self.partner_b)
        Job = self.env['eco.installation.job']
        self.job_a = Job.create({'order_id': self.order_a.id,
                                 'planned_start': '2026-12-02 08:00:00',
                                 'technician_ids': [(6, 0, employee.ids)]})
        self.job_b = Job.create({'order_id': self.order_b.id,
                                 'planned_start': '2026-12-02 08:00:00',
                                 'technician_ids': [(6, 0, employee.ids)]})
        self.job_a.action_plan()
        self.job_a.action_start()
        self.job_a.check_ids.write({'done': True})
        for line in self.job_a.measurement_ids:
            line.value = {'COD': 30.0, 'NH3-N': 2.0, 'pH': 7.0}[line.pollutant]
        self.job_a.action_evaluate()

    def test_customer_signs_own_job(self):
        self.assertEqual(self.job_a.state, 'passed')
        self.authenticate(self.user_portal_a.login, self.user_portal_a.login)
        response = self._eco_get('/my/installation/%s' % self.job_a.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn('o_eco_installation_sign', response.text)
        self.assertIn('COD', response.text)
        response = self._eco_get('/my/installation/%s' % self.job_b.id)
        self.assertEqual(response.status_code, 404)
        response = self._eco_post('/my/installation/%s/sign' % self.job_b.id,
                                  {'name': 'Alice', 'signature_text': 'Alice'})
        self.assertEqual(response.status_code, 404)
        response = self._eco_post('/my/installation/%s/sign' % self.job_a.id,
                                  {'name': 'Alice Acc', 'signature_text': 'Alice Acc'})
        self.assertIn(response.status_code, (302, 303))
        self.assertIn('eco_success=signed', response.headers['Location'])
        self.job_a.invalidate_cache()
        self.assertEqual(self.job_a.state, 'signed')
        self.assertEqual(self.job_a.signed_by, 'Alice Acc')
        self.assertEqual(self.job_b.state, 'draft')

    def test_other_customer_and_tampered_token(self):
        self.authenticate(self.user_portal_b.login, self.user_portal_b.login)
        response = self._eco_get('/my/installation/%s' % self.job_a.id)
        self.assertEqual(response.status_code, 404)
        token = self.job_a.access_token
        bad = token[:-1] + ('0' if token[-1] != '0' else '1')
        response = self._eco_get('/my/installation/%s?access_token=%s' % (
            self.job_a.id, bad))
        self.assertEqual(response.status_code, 404)
        response = self._eco_post('/my/installation/%s/sign' % self.job_a.id,
                                  {'name': 'Mallory', 'signature_text': 'Mallory',
                                   'access_token': bad})
        self.assertEqual(response.status_code, 404)
        self.job_a.invalidate_cache()
        self.assertEqual(self.job_a.state, 'passed')
        # the genuine token link works without login
        response = self._eco_get('/my/installation/%s?access_token=%s' % (
            self.job_a.id, token))
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.job_a.name, response.text)
