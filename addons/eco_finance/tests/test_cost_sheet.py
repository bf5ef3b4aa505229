# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .common import EcoFinanceCase, days


class TestCostSheet(EcoFinanceCase):

    @classmethod
    def setUpClass(cls):
        super(TestCostSheet, cls).setUpClass()
        cls.product.type = 'product'
        cls.service = cls.env['product.product'].create({
            'name': 'Installation subcontract', 'type': 'service',
            'list_price': 500.0, 'standard_price': 300.0})
        cls.pipe = cls.env['product.product'].create({
            'name': 'Pipe kit', 'type': 'consu', 'standard_price': 80.0})
        cls.vendor = cls.env['res.partner'].create({
            'name': 'Nantong Install Works', 'supplier': True})
        cls.stock = cls.env.ref('stock.stock_location_stock')
        cls.env['stock.quant']._update_available_quantity(
            cls.product, cls.stock, 10.0)
        cls.employee = cls.env['hr.employee'].create({
            'name': 'Fitter Zhou', 'timesheet_cost': 45.0})
        cls.expense_account = cls.env['account.account'].search(
            [('user_type_id', '=', cls.env.ref(
                'account.data_account_type_expenses').id)], limit=1)
        cls.env['ir.config_parameter'].sudo().set_param(
            'eco_finance.cost_variance_thresholds', '10,25')
        cls.order = cls._order(cls.partner_a, price=150.0, qty=2.0)
        cls.order.write({'order_line': [(0, 0, {
            'product_id': cls.service.id, 'name': cls.service.name,
            'product_uom_qty': 1.0, 'price_unit': 500.0,
            'product_uom': cls.service.uom_id.id})]})
        cls.env['eco.cost.estimate.line'].create({
            'order_id': cls.order.id, 'name': 'Commissioning', 'category': 'labour',
            'employee_id': cls.employee.id, 'quantity': 10.0, 'unit_cost': 40.0})
        cls.env['eco.cost.estimate.line'].create({
            'order_id': cls.order.id, 'name': 'Truck', 'category': 'other',
            'quantity': 1.0, 'unit_cost': 150.0})
        cls.env['eco.cost.target'].create({
            'categ_id': cls.categ.id, 'min_margin': 20.0})
        cls.order.sudo(cls.user_sales).action_confirm()
        cls.sheet = cls.order.eco_cost_sheet_ids
        cls.analytic = cls.order.analytic_account_id

    def _purchase(self, product, price, qty=1.0):
        po = self.env['purchase.order'].create({
            'partner_id': self.vendor.id,
            'order_line': [(0, 0, {
                'product_id': product.id, 'name': product.name, 'product_qty': qty,
                'price_unit': price, 'product_uom': product.uom_po_id.id,
                'date_planned': days(5),
                'account_analytic_id': self.analytic.id})]})
        po.button_confirm()
        return po

    def _bill(self, po_line, price):
        bill = self.env['account.invoice'].create({
            'partner_id': self.vendor.id, 'type': 'in_invoice',
            'invoice_line_ids': [(0, 0, {
                'product_id': po_line.product_id.id, 'name': po_line.name,
                'quantity': po_line.product_qty, 'price_unit': price,
                'account_id': self.expense_account.id,
                'account_analytic_id': self.analytic.id,
                'purchase_line_id': po_line.id})]})
        bill.action_invoice_open()
        return bill

    def _deliver(self):
        picking = self.order.picking_ids
        picking.action_assign()
        for move in picking.move_lines:
            move.quantity_done = move.product_uom_qty
        picking.action_done()

    def _timesheet(self, hours):
        project = self.env['project.project'].search(
            [('analytic_account_id', '=', self.analytic.id)], limit=1) or \
            self.env['project.project'].create({
                'name': 'Site works', 'analytic_account_id': self.analytic.id})
        return self.env['account.analytic.line'].create({
            'name': 'Installation', 'project_id': project.id,
            'employee_id': self.employee.id, 'unit_amount': hours})

    def _expense(self, amount):
        return self.env['account.analytic.line'].create({
            'name': 'Crane rental', 'account_id': self.analytic.id, 'amount': -amount})

    def test_baseline_at_confirmation(self):
        self.assertTrue(self.analytic)
        self.assertEqual(len(self.sheet), 1)
        self.assertEqual(self.sheet.baseline_material, 200.0)
        self.assertEqual(self.sheet.baseline_service, 300.0)
        self.assertEqual(self.sheet.baseline_labour, 400.0)
        self.assertEqual(self.sheet.baseline_other, 150.0)
        self.assertEqual(self.sheet.baseline_total, 1050.0)
        self.assertEqual(self.sheet.revenue, 800.0)
        with self.assertRaises(UserError):
            self.order.eco_cost_estimate_line_ids[0].quantity = 20.0

    def test_estimate_vs_actual(self):
        service_po = self._purchase(self.service, 320.0)
        self._purchase(self.pipe, 80.0)
        self._deliver()
        self._timesheet(8.0)
        self._expense(50.0)
        self.sheet._eco_refresh()
        self.assertEqual(self.sheet.actual_material, 200.0)
        self.assertEqual(self.sheet.committed, 400.0)
        self._bill(service_po.order_line, 320.0)
        self.sheet._eco_refresh()
        self.assertEqual(self.sheet.actual_material, 200.0)
        self.assertEqual(self.sheet.actual_service, 320.0)
        self.assertEqual(self.sheet.actual_labour, 360.0)
        self.assertEqual(self.sheet.actual_other, 50.0)
        self.assertEqual(self.sheet.actual_total, 930.0)
        self.assertEqual(self.sheet.committed, 80.0)
        self.assertEqual(self.sheet.variance, -40.0)
        self.assertAlmostEqual(self.sheet.variance_percent, -3.81, places=2)
        # target: the skid line at 20 % margin (300 -> 240), the service line at
        # its price (500)
        self.assertEqual(self.sheet.target_cost, 740.0)
        self.assertEqual(self.sheet.target_variance, 270.0)
        self.assertAlmostEqual(self.sheet.target_variance_percent, 36.49, places=2)
        result = self.order._eco_compliance_cost_target()[self.order.id]
        self.assertEqual(result[0], 'missing')

    def _alerts(self):
        return self.order.activity_ids.filtered(
            lambda a: a.summary and a.summary.startswith('Cost variance'))

    def test_variance_alert_once_per_threshold(self):
        managers = self.env.ref('account.group_account_manager').users.filtered(
            lambda u: not u.share)
        self._expense(1100.0)   # 1100 / 1050: +4.8 %
        self.sheet._eco_refresh()
        self.assertFalse(self._alerts())
        self._expense(100.0)    # 1200: +14.3 %
        self.sheet._eco_refresh()
        alerts = self._alerts()
        self.assertEqual(alerts.mapped('user_id'), self.user_sales | managers)
        self.assertEqual(set(alerts.mapped('summary')), {'Cost variance over 10 %'})
        self.assertEqual(self.sheet.alert_threshold, 10.0)
        self.env['eco.cost.sheet']._eco_cron_refresh()
        self.assertEqual(len(self._alerts()), len(alerts))
        self._expense(150.0)    # 1350: +28.6 %
        self.sheet._eco_refresh()
        self.sheet._eco_refresh()
        self.assertEqual(len(self._alerts()), 2 * len(alerts))
        self.assertEqual(self.sheet.alert_threshold, 25.0)

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model')
    def test_access(self):
        # a salesperson of another team who sees their own documents only (eco_order's
        # Order Staff see every order)
        other = self._create_user('eco_fin_sales_own', [
            'base.group_user', 'sales_team.group_sale_salesman'], name='Sun Sales')
        self.env['crm.team'].create({
            'name': 'North Team', 'member_ids': [(4, other.id)]})
        self.assertEqual(self.sheet.sudo(self.user_sales).baseline_total, 1050.0)
        self.assertEqual(self.sheet.sudo(self.user_accountant).baseline_total, 1050.0)
        with self.assertRaises(AccessError):
            self.sheet.sudo(other).read(['baseline_total'])
        with self.assertRaises(AccessError):
            self.sheet.sudo(self.user_sales).write({'baseline_total': 1.0})
        with self.assertRaises(AccessError):
            self.env['eco.cost.target'].sudo(self.user_sales).create(
                {'min_margin': 5.0})
        self.sheet.sudo(self.user_sales).action_refresh()
        with self.assertRaises(AccessError):
            self.sheet.sudo(other).action_refresh()

    def test_pdf(self):
        report = self.env.ref('eco_finance.eco_cost_sheet_report')
        html = report.render_qweb_html(self.sheet.ids)[0]
        self.assertIn(self.order.name.encode(), html)
