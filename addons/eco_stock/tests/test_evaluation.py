# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError

from dateutil.relativedelta import relativedelta

from odoo import fields

from .common import EcoStockCase, days


class TestEvaluation(EcoStockCase):

    def test_scores_from_receipts(self):
        # two receipts of 10: one on time, one done 5 days after its schedule
        first = self._receive(self.vendor_good, self.pump, 10.0, days(-1), days(-1))
        self._receive(self.vendor_good, self.pump, 10.0, days(-6), days(-1))
        # a failed receipt inspection rejects 2 units
        test = self.env['qc.test'].create({'name': 'St incoming test'})
        inspection = self.env['qc.inspection'].create({
            'object_id': 'stock.picking,%d' % first.id, 'qty': 2.0, 'test': test.id})
        inspection.write({'state': 'failed'})
        # prices: 120 here, 100 at the other vendor
        own = self._purchase(self.vendor_good, self.pump, price=120.0)
        other = self._purchase(self.vendor_other, self.pump, price=100.0)
        (own | other).button_confirm()
        Evaluation = self.env['eco.supplier.evaluation'].sudo(self.purchase_user)
        evaluation = Evaluation.create({
            'partner_id': self.vendor_good.id, 'date_from': days(-30),
            'date_to': days(0), 'service_score': 80.0})
        evaluation.action_compute()
        self.assertEqual(evaluation.receipt_count, 2)
        self.assertEqual(evaluation.on_time_count, 1)
        self.assertEqual(evaluation.received_qty, 20.0)
        self.assertEqual(evaluation.rejected_qty, 2.0)
        self.assertEqual(evaluation.on_time_score, 50.0)
        self.assertEqual(evaluation.quality_score, 90.0)
        self.assertEqual(evaluation.price_score, 83.33)
        # (50 x 40 + 90 x 30 + 83.333 x 20 + 80 x 10) / 100 = 71.67
        self.assertEqual(evaluation.total_score, 71.67)
        self.assertEqual(evaluation.grade, 'C')
        evaluation.action_done()
        self.assertFalse(evaluation.suspension_proposed)
        self.assertEqual(self.vendor_good.eco_supplier_score, 71.67)
        with self.assertRaises(UserError):
            evaluation.action_compute()

    def test_low_grade_proposes_suspension(self):
        self._receive(self.vendor_good, self.pump, 10.0, days(-9), days(-1))
        evaluation = self.env['eco.supplier.evaluation'].create({
            'partner_id': self.vendor_good.id, 'date_from': days(-30),
            'date_to': days(0), 'service_score': 0.0})
        evaluation.action_done()
        # on time 0, quality 100, price 100 (no comparison), service 0
        self.assertEqual(evaluation.total_score, 50.0)
        self.assertEqual(evaluation.grade, 'D')
        self.assertTrue(evaluation.suspension_proposed)
        self.assertTrue(evaluation.activity_ids.filtered(
            lambda a: a.user_id == self.purchase_manager))
        self.assertEqual(self.vendor_good.eco_supplier_state, 'qualified')
        evaluation.sudo(self.purchase_manager).action_suspend_vendor()
        self.assertEqual(self.vendor_good.eco_supplier_state, 'suspended')

    def test_service_score_bounds(self):
        with self.assertRaises(ValidationError):
            with self.cr.savepoint():
                self.env['eco.supplier.evaluation'].create({
                    'partner_id': self.vendor_good.id, 'date_from': days(-30),
                    'date_to': days(0), 'service_score': 120.0})

    def test_monthly_cron_once(self):
        first = fields.Date.from_string(fields.Date.today()).replace(day=1)
        last_month = fields.Date.to_string(first - relativedelta(days=10))
        self._receive(self.vendor_other, self.pump, 4.0, last_month, last_month)
        Evaluation = self.env['eco.supplier.evaluation']
        created = Evaluation._cron_eco_evaluate_last_month()
        Evaluation._cron_eco_evaluate_last_month()
        evaluations = Evaluation.search([('partner_id', '=', self.vendor_other.id)])
        self.assertEqual(evaluations, created.filtered(
            lambda e: e.partner_id == self.vendor_other))
        self.assertEqual(len(evaluations), 1)
        self.assertEqual(evaluations.state, 'done')
        self.assertEqual(evaluations.receipt_count, 1)
        self.assertEqual(evaluations.on_time_score, 100.0)
