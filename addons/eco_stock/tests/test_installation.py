# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import tempfile

from odoo.exceptions import AccessError, UserError
from odoo.tools import config

from .common import EcoStockCase, days


class TestInstallation(EcoStockCase):

    @classmethod
    def setUpClass(cls):
        super(TestInstallation, cls).setUpClass()
        cls.standard = cls.env.ref('eco_order.eco_standard_gb_18918_2002')
        cls.order = cls._confirmed_order(
            cls.partner_a, intake_standard_ids=[(6, 0, cls.standard.ids)],
            intake_site_address='8 Effluent Road, Wuxi')
        cls.template = cls.env['eco.installation.check.template'].create({
            'name': 'St pump anchored', 'categ_id': cls.categ_equipment.id})

    def _job(self, **vals):
        values = {'order_id': self.order.id, 'planned_start': days(1) + ' 08:00:00',
                  'planned_end': days(1) + ' 17:00:00',
                  'technician_ids': [(6, 0, self.technician.ids)]}
        values.update(vals)
        return self.env['eco.installation.job'].sudo(self.user_staff).create(values)

    def _measure(self, job, cod, nh3n, ph=7.2):
        values = {'COD': cod, 'NH3-N': nh3n, 'pH': ph}
        for line in job.measurement_ids:
            line.sudo(self.tech_user).write({'value': values[line.pollutant]})

    def test_job_from_order(self):
        job = self._job()
        self.assertEqual(job.site_address, '8 Effluent Road, Wuxi')
        self.assertEqual(job.partner_id, self.partner_a)
        self.assertEqual(job.standard_ids, self.standard)
        self.assertEqual(sorted(job.measurement_ids.mapped('pollutant')),
                         ['COD', 'NH3-N', 'pH'])
        cod = job.measurement_ids.filtered(lambda m: m.pollutant == 'COD')
        self.assertEqual((cod.has_max, cod.max_value, cod.unit), (True, 50.0, 'mg/L'))
        # order-wide templates only: the pump template is for equipment, the
        # order sells a service
        self.assertNotIn(self.template, job.check_ids.mapped('template_id'))
        self.assertEqual(job.check_ids.mapped('order_id'), self.order)

    def test_start_gate(self):
        job = self._job(technician_ids=[(5, 0, 0)])
        with self.assertRaises(UserError):
            job.action_start()
        job.action_plan()
        with self.assertRaises(UserError):
            job.action_start()
        self.assertEqual(job.state, 'planned')
        job.write({'technician_ids': [(6, 0, self.technician.ids)]})
        job.action_start()
        self.assertEqual(job.state, 'in_progress')

    def test_commissioning_failed_then_passed(self):
        job = self._job()
        job.action_plan()
        job.action_start()
        job.check_ids.write({'done': True})
        with self.assertRaises(UserError):
            job.action_evaluate()  # nothing measured yet
        self._measure(job, cod=62.0, nh3n=3.1)
        results = {m.pollutant: m.result for m in job.measurement_ids}
        self.assertEqual(results, {'COD': 'failed', 'NH3-N': 'passed', 'pH': 'passed'})
        job.action_evaluate()
        self.assertEqual(job.state, 'failed')
        self.assertEqual(job.commissioning_result, 'failed')
        self.assertEqual(self.order.eco_commissioning_state, 'failed')
        rectification = job.rectification_ids
        self.assertEqual(len(rectification), 1)
        self.assertEqual(rectification.order_id, self.order)
        self.assertIn('COD: 62 mg/L (<= 50 mg/L)', rectification.description)
        with self.assertRaises(UserError):
            job._eco_portal_sign('Alice', signature_text='Alice')
        self.assertEqual(job.state, 'failed')
        # acceptance and delivery readiness blocked before commissioning passed
        with self.assertRaises(UserError):
            self.order.sudo(self.user_staff).action_eco_new_acceptance()
        with self.assertRaises(UserError):
            self.order.sudo(self.user_staff).action_eco_delivery_ready()
        with self.assertRaises(UserError):
            job.action_recommission()  # rectification still open
        rectification.action_close()
        job.action_recommission()
        self._measure(job, cod=38.0, nh3n=3.1, ph=6.0)
        job.action_evaluate()
        self.assertEqual(job.state, 'passed')
        self.assertEqual(self.order.eco_commissioning_state, 'passed')
        with self.assertRaises(UserError):
            job._eco_portal_sign('Alice', signature_text='  ')
        job._eco_portal_sign('Alice Acc', signature_text='Alice Acc', ip='10.0.0.1')
        self.assertEqual(job.state, 'signed')
        self.assertEqual(job.signed_by, 'Alice Acc')
        action = self.order.sudo(self.user_staff).action_eco_new_acceptance()
        self.assertEqual(action['res_model'], 'eco.acceptance')
        report = self.env.ref('eco_stock.action_report_eco_commissioning')
        html = report.render_qweb_html(job.ids)[0].decode()
        self.assertIn('Commissioning Report', html)
        self.assertIn('38.000', html)
        self.assertIn('Alice Acc', html)
        # Odoo renders HTML instead of PDF in test mode unless a report directory is set
        previous = config['test_report_directory']
        with tempfile.TemporaryDirectory() as directory:
            config['test_report_directory'] = directory
            try:
                pdf = report.render_qweb_pdf(job.ids)[0]
            finally:
                config['test_report_directory'] = previous
        self.assertTrue(pdf.startswith(b'%PDF'))

    def test_technician_sees_own_jobs(self):
        job = self._job()
        other = self._job(technician_ids=[(5, 0, 0)])
        Job = self.env['eco.installation.job']
        self.assertEqual(
            Job.sudo(self.tech_user).search([('id', 'in', (job | other).ids)]), job)
        with self.assertRaises(AccessError):
            other.sudo(self.tech_user).read(['name'])
        with self.assertRaises(AccessError):
            job.sudo(self.tech_other).read(['name'])
        with self.assertRaises(AccessError):
            Job.sudo(self.tech_user).create({'order_id': self.order.id})
        self.assertEqual(
            Job.sudo(self.user_portal_a).search([('id', '=', job.id)]), job)
        self.assertFalse(Job.sudo(self.user_portal_b).search([('id', '=', job.id)]))
        with self.assertRaises(AccessError):
            job.sudo(self.user_portal_b).read(['name'])

    def test_equipment_register(self):
        lot = self.env['stock.production.lot'].create(
            {'name': 'SN-0001', 'product_id': self.pump.id})
        job = self._job()
        equipment = self.env['eco.equipment'].create(
            {'lot_id': lot.id, 'job_id': job.id})
        self.assertEqual(equipment.name, 'SN-0001')
        self.assertEqual(equipment.partner_id, self.partner_a)
        self.assertEqual(equipment.order_id, self.order)
        equipment.write({'installation_date': '2026-03-01'})
        self.assertEqual(equipment.warranty_start, '2026-03-01')
        self.assertEqual(equipment.warranty_end, '2027-03-01')
