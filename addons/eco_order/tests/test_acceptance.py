# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R10.1 delivery preparation and R10.3 acceptance, rectification and certificate."""
import base64
import tempfile

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import at_install, post_install
from odoo.tools import config

from .common_accept import EcoAcceptCase


@at_install(False)
@post_install(True)
class TestAcceptance(EcoAcceptCase):

    @classmethod
    def setUpClass(cls):
        super(TestAcceptance, cls).setUpClass()
        cls.order = cls._confirmed_order(cls.partner_a)

    def _acceptance(self, results):
        acceptance = self.env['eco.acceptance'].sudo(self.user_staff).create({
            'order_id': self.order.id,
            'customer_representative': 'Alice Acc',
        })
        for line, (result, remark) in zip(acceptance.line_ids, results):
            line.write({'result': result, 'remark': remark})
        return acceptance

    def test_checklist_blocks_delivery_ready(self):
        checks = self.order.eco_delivery_check_ids
        self.assertEqual(checks.mapped('kind'),
                         ['inspection', 'commissioning', 'document'])
        checks[0].sudo(self.user_staff).write({'done': True})
        with self.assertRaises(UserError) as error:
            self.order.sudo(self.user_staff).action_eco_delivery_ready()
        self.assertIn(checks[1].name, error.exception.name)
        self.assertIn(checks[2].name, error.exception.name)
        self.assertNotIn(checks[0].name, error.exception.name)
        self.assertFalse(self.order.eco_delivery_ready)
        self.assertEqual(checks[0].done_by_id, self.user_staff)
        self.assertTrue(checks[0].done_date)
        (checks[1] | checks[2]).sudo(self.user_staff).write({'done': True})
        self.order.sudo(self.user_staff).action_eco_delivery_ready()
        self.assertTrue(self.order.eco_delivery_ready)
        self.assertTrue(self.order.eco_delivery_ready_date)

    def test_failed_criterion_rectification_blocks_then_pass_and_sign(self):
        criteria = self.order.eco_acceptance_criterion_ids
        self.assertEqual(len(criteria), 3)
        # criteria are editable per contract
        criteria[1].sudo(self.user_staff).write({'name': 'COD below 50 mg/L'})
        self.assertEqual(self.order.eco_acceptance_state, 'none')
        first = self._acceptance([('passed', ''), ('failed', 'COD 80 mg/L'),
                                  ('passed', '')])
        self.assertEqual(first.line_ids.mapped('name')[1], 'COD below 50 mg/L')
        self.assertEqual(self.order.eco_acceptance_state, 'in_progress')
        first.sudo(self.user_staff).action_record_result()
        self.assertEqual(first.state, 'failed')
        self.assertEqual(self.order.eco_acceptance_state, 'failed')
        rectification = self.order.eco_rectification_ids
        self.assertEqual(len(rectification), 1)
        self.assertEqual(rectification.state, 'open')
        self.assertEqual(rectification.user_id, self.user_staff)
        self.assertEqual(rectification.description, 'COD 80 mg/L')
        self.assertTrue(rectification.deadline)
        # blocked until the rectification is closed
        with self.assertRaises(UserError):
            self._acceptance([])
        self.assertEqual(len(self.order.eco_acceptance_ids), 1)
        rectification.sudo(self.user_staff).action_close()
        self.assertEqual(rectification.state, 'closed')
        second = self._acceptance([('passed', '')] * 3)
        second.sudo(self.user_staff).action_record_result()
        self.assertEqual(second.state, 'passed')
        self.assertEqual(self.order.eco_acceptance_state, 'passed')
        with self.assertRaises(UserError):
            second.sudo()._eco_portal_sign(
                'Alice Acc', signature_text='', ip='10.1.2.3')
        second.sudo()._eco_portal_sign(
            'Alice Acc', signature_text='Alice Acc', ip='10.1.2.3',
            partner=self.contact_a)
        self.assertEqual(second.state, 'signed')
        self.assertEqual(second.signed_ip, '10.1.2.3')
        self.assertEqual(second.signed_by, 'Alice Acc')
        self.assertTrue(second.signed_date)
        self.assertEqual(self.order.eco_acceptance_state, 'passed')

    def test_result_required_and_paper_signature(self):
        acceptance = self._acceptance([('passed', ''), ('passed', '')])
        with self.assertRaises(UserError):
            acceptance.sudo(self.user_staff).action_record_result()
        self.assertEqual(acceptance.state, 'draft')
        acceptance.line_ids[2].result = 'passed'
        acceptance.sudo(self.user_staff).action_record_result()
        with self.assertRaises(UserError):
            acceptance.sudo(self.user_staff).action_sign_paper()
        acceptance.sudo(self.user_staff).write({
            'paper_document': base64.b64encode(b'%PDF-1.4 scan'),
            'paper_document_name': 'signed.pdf'})
        acceptance.sudo(self.user_staff).action_sign_paper()
        self.assertEqual(acceptance.state, 'signed')
        self.assertTrue(acceptance.paper_signed)
        self.assertEqual(acceptance.signed_by, 'Alice Acc')

    def test_certificate_pdf(self):
        acceptance = self._acceptance([('passed', '')] * 3)
        acceptance.action_record_result()
        acceptance.sudo()._eco_portal_sign('Alice Acc', signature_text='Alice Acc',
                                           ip='10.1.2.3')
        report = self.env.ref('eco_order.action_report_eco_acceptance_certificate')
        html = report.render_qweb_html(acceptance.ids)[0]
        html = html.decode() if isinstance(html, bytes) else html
        self.assertIn(self.order.name, html)
        self.assertIn('Acceptance Certificate', html)
        self.assertIn('10.1.2.3', html)
        # Odoo renders HTML instead of PDF in test mode unless a report directory is set
        previous = config['test_report_directory']
        with tempfile.TemporaryDirectory() as directory:
            config['test_report_directory'] = directory
            try:
                pdf = report.render_qweb_pdf(acceptance.ids)[0]
            finally:
                config['test_report_directory'] = previous
        self.assertTrue(pdf.startswith(b'%PDF'))
        self.assertGreater(len(pdf), 1000)

    def test_access_rights(self):
        acceptance = self._acceptance([])
        for user in (self.user_plain, self.user_portal_a):
            with self.assertRaises(AccessError):
                acceptance.sudo(user).read(['state'])
            with self.assertRaises(AccessError):
                self.env['eco.rectification'].sudo(user).search([])
        with self.assertRaises(AccessError):
            acceptance.sudo(self.user_staff).unlink()
        acceptance.sudo(self.user_manager).unlink()
        self.assertFalse(acceptance.exists())

    def test_overdue_rectification_escalates(self):
        acceptance = self._acceptance([('failed', 'Noise 70 dB'), ('passed', ''),
                                       ('passed', '')])
        acceptance.action_record_result()
        rectification = self.order.eco_rectification_ids
        rectification.write({'deadline': '2020-01-01 00:00:00'})
        self.assertEqual(rectification.deadline_state, 'overdue')
        Rectification = self.env['eco.rectification']
        self.assertEqual(Rectification._cron_escalate(), 1)
        self.assertEqual(rectification.escalation_level, 2)
        self.assertTrue(rectification.activity_ids.filtered(
            lambda a: a.user_id == self.user_staff))
        rectification.action_close()
        self.assertEqual(rectification.deadline_state, 'done_late')
