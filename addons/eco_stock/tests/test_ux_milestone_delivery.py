# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14: the 'delivered' and 'installed' milestones of an order are done
by its deliveries (all outgoing pickings done) and by its installation jobs
(all commissioned)."""
from datetime import timedelta

from odoo import fields

from .common import EcoStockCase, days


class TestUxMilestoneDelivery(EcoStockCase):

    @classmethod
    def setUpClass(cls):
        super(TestUxMilestoneDelivery, cls).setUpClass()
        cls.standard = cls.env.ref('eco_order.eco_standard_gb_18918_2002')

    def _milestone(self, order, name, event):
        deadline = fields.Datetime.from_string(
            fields.Datetime.now()) + timedelta(days=9)
        return self.env['eco.order.milestone'].create({
            'order_id': order.id, 'name': name, 'event': event,
            'user_id': self.user_staff.id,
            'deadline': fields.Datetime.to_string(deadline)})

    def _last_state_tracking(self, milestone):
        return self.env['mail.tracking.value'].search([
            ('mail_message_id', 'in', milestone.message_ids.ids),
            ('field', '=', 'state')], order='id desc', limit=1)

    def _deliver(self, picking, qty):
        picking = picking.sudo(self.stock_user)
        picking.move_lines.write({'quantity_done': qty})
        picking.action_done()

    def test_01_delivered_when_all_deliveries_done(self):
        order = self._confirmed_order(self.partner_a, order_line=[(0, 0, {
            'product_id': self.pump.id, 'name': self.pump.name,
            'product_uom_qty': 3.0})])
        delivered = self._milestone(order, 'Delivered', 'delivered')
        installed = self._milestone(order, 'Installed', 'installed')
        picking = order.picking_ids
        self.assertEqual(picking.picking_type_code, 'outgoing')
        # a partial delivery leaves a backorder: not delivered yet
        self._deliver(picking, 2.0)
        self.assertEqual(picking.state, 'done')
        backorder = order.picking_ids - picking
        self.assertEqual(backorder.state, 'confirmed')
        self.assertEqual(delivered.state, 'pending')
        self._deliver(backorder, 1.0)
        self.assertEqual((delivered.state, installed.state), ('done', 'pending'))
        self.assertTrue(delivered.date_done)
        # done in the name of the warehouse user who validated
        tracking = self._last_state_tracking(delivered)
        self.assertEqual(tracking.new_value_char, 'Done')
        self.assertEqual(tracking.mail_message_id.author_id,
                         self.stock_user.partner_id)

    def test_02_receipt_and_other_orders_do_not_deliver(self):
        order = self._confirmed_order(self.partner_a, order_line=[(0, 0, {
            'product_id': self.pump.id, 'name': self.pump.name,
            'product_uom_qty': 1.0})])
        other = self._confirmed_order(self.partner_b, order_line=[(0, 0, {
            'product_id': self.pump.id, 'name': self.pump.name,
            'product_uom_qty': 1.0})])
        delivered = self._milestone(order, 'Delivered', 'delivered')
        delivered_other = self._milestone(other, 'Delivered', 'delivered')
        self._receive(self.vendor_good, self.pump, 5.0, days(-1), days(-1))
        self.assertEqual(delivered.state, 'pending')
        self._deliver(order.picking_ids, 1.0)
        self.assertEqual((delivered.state, delivered_other.state), ('done', 'pending'))
        # the hook is batch-wise: one call for pickings of several orders
        self.assertEqual(order.picking_ids._eco_fire_delivered(), order)

    def _job(self, order):
        return self.env['eco.installation.job'].sudo(self.user_staff).create({
            'order_id': order.id, 'planned_start': days(1) + ' 08:00:00',
            'technician_ids': [(6, 0, self.technician.ids)]})

    def _commission(self, job):
        job.action_plan()
        job.action_start()
        job.check_ids.write({'done': True})
        values = {'COD': 38.0, 'NH3-N': 3.1, 'pH': 7.2}
        for line in job.measurement_ids:
            line.sudo(self.tech_user).write({'value': values[line.pollutant]})
        job.action_evaluate()
        self.assertEqual(job.state, 'passed')

    def test_03_installed_when_all_jobs_commissioned(self):
        order = self._confirmed_order(
            self.partner_a, intake_standard_ids=[(6, 0, self.standard.ids)])
        installed = self._milestone(order, 'Installed', 'installed')
        job_1, job_2, job_3 = self._job(order), self._job(order), self._job(order)
        self._commission(job_1)
        self.assertEqual(installed.state, 'pending')
        job_3.action_cancel()
        self.assertEqual(installed.state, 'pending')
        self._commission(job_2.sudo(self.user_staff))
        self.assertEqual(order.eco_commissioning_state, 'passed')
        self.assertEqual(installed.state, 'done')
        tracking = self._last_state_tracking(installed)
        self.assertEqual(tracking.mail_message_id.author_id,
                         self.user_staff.partner_id)
