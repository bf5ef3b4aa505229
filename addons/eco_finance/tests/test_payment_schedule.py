# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError

from .common import EcoFinanceCase, days


class TestPaymentSchedule(EcoFinanceCase):

    @classmethod
    def setUpClass(cls):
        super(TestPaymentSchedule, cls).setUpClass()
        cls.product.type = 'product'
        cls.env['stock.quant']._update_available_quantity(
            cls.product, cls.env.ref('stock.stock_location_stock'), 10.0)
        cls.retention = cls.env.ref(
            'eco_finance.eco_payment_schedule_template_retention')

    def _order_with_schedule(self, template, price, qty):
        order = self._order(self.partner_a, price=price, qty=qty,
                            eco_payment_template_id=template.id)
        order.action_eco_apply_payment_template()
        return order

    def _invoiced(self, order):
        return order.eco_payment_schedule_ids.filtered(
            lambda l: l.state == 'invoiced').mapped('invoice_id')

    def test_instalments_at_each_event(self):
        order = self._order_with_schedule(self.retention, 1000.0, 3.0)
        self.assertEqual(order.eco_payment_schedule_ids.mapped('percent'),
                         [30.0, 60.0, 5.0, 5.0])
        order.sudo(self.user_sales).action_confirm()
        lines = order.eco_payment_schedule_ids
        self.assertEqual(lines.mapped('amount'), [900.0, 1800.0, 150.0, 150.0])
        self.assertEqual(sum(lines.mapped('amount')), order.amount_total)
        advance = self._invoiced(order)
        self.assertEqual(advance.amount_total, 900.0)
        self.assertEqual(advance.state, 'open')
        self.assertEqual(advance.partner_id, self.partner_a)

        picking = order.picking_ids
        picking.action_assign()
        picking.move_lines.write({'quantity_done': 3.0})
        picking.action_done()
        self.assertEqual(self._invoiced(order).mapped('amount_total'), [900.0, 1800.0])

        acceptance = self.env['eco.acceptance'].create({
            'order_id': order.id, 'customer_representative': 'Mr. Sun'})
        if not acceptance.line_ids:
            acceptance.write({'line_ids': [(0, 0, {'name': 'Effluent COD'})]})
        acceptance.line_ids.write({'result': 'passed'})
        acceptance.action_record_result()
        self.assertEqual(self._invoiced(order).mapped('amount_total'),
                         [900.0, 1800.0, 150.0])

        order.eco_warranty_end_date = days(365)
        self.env['sale.order']._eco_cron_warranty_end()
        self.assertEqual(len(self._invoiced(order)), 3)
        order.eco_warranty_end_date = days(0)
        self.env['sale.order']._eco_cron_warranty_end()
        self.env['sale.order']._eco_cron_warranty_end()
        invoices = self._invoiced(order)
        self.assertEqual(invoices.mapped('amount_total'), [900.0, 1800.0, 150.0, 150.0])
        self.assertEqual(sum(invoices.mapped('amount_total')), 3000.0)

    def test_rounding_goes_to_last_instalment(self):
        template = self.env.ref('eco_finance.eco_payment_schedule_template_equipment')
        order = self._order_with_schedule(template, 333.33, 1.0)
        order.action_confirm()
        self.assertEqual(order.eco_payment_schedule_ids.mapped('amount'),
                         [100.0, 200.0, 33.33])

    def test_bad_schedules(self):
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env['eco.payment.schedule.template'].create({
                'name': 'Broken', 'line_ids': [
                    (0, 0, {'name': 'Advance', 'event': 'confirm', 'percent': 30.0}),
                    (0, 0, {'name': 'Rest', 'event': 'delivery', 'percent': 60.0})]})
        order = self._order(self.partner_a)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            order.write({'eco_payment_schedule_ids': [
                (0, 0, {'name': 'Advance', 'event': 'confirm', 'percent': 50.0})]})
        order.invalidate_cache()
        self.assertFalse(order.eco_payment_schedule_ids)
        order.action_confirm()
        with self.assertRaises(UserError):
            order.action_eco_apply_payment_template()
