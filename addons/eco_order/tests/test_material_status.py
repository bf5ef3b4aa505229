# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R7.1: material status of an order from its pickings and purchase orders, with the
real stock, sale_stock and purchase modules (the platform installs them)."""
from odoo.exceptions import AccessError

from .common import EcoOrderCase

MATERIAL_FIELDS = ['eco_material_state', 'eco_material_picking_count',
                   'eco_material_purchase_count', 'eco_material_summary']


class TestMaterialStatus(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestMaterialStatus, cls).setUpClass()
        cls.warehouse = cls.env.ref('stock.warehouse0')
        cls.product_pump = cls.env['product.product'].create({
            'name': 'Dosing pump DP-40',
            'type': 'product',
            'sale_ok': True,
            'purchase_ok': True,
            'list_price': 800.0,
            'standard_price': 500.0,
        })
        cls.vendor = cls.env['res.partner'].create({
            'name': 'Filter Media Supply Co.',
            'is_company': True,
            'supplier': True,
        })
        if 'eco_supplier_state' in cls.vendor._fields:
            # eco_stock confirms purchase orders of qualified vendors only
            cls.vendor.write({'eco_supplier_state': 'qualified'})

    # ------------------------------------------------------------------ helpers
    def _confirmed_order(self, product=None, qty=2.0, partner=None):
        """An accepted, confirmed order of one line of ``product`` (default the
        stockable pump)."""
        product = product or self.product_pump
        order = self._create_order(partner or self.partner_a, order_line=[(0, 0, {
            'product_id': product.id,
            'name': product.name,
            'eco_specification': 'Stainless steel, 40 l/h',
            'product_uom_qty': qty,
        })])
        order.sudo(self.user_staff).action_intake_review()
        order.sudo(self.user_staff).action_intake_accept()
        order.sudo(self.user_staff).action_confirm()
        return order

    def _stock(self, qty):
        self.env['stock.quant']._update_available_quantity(
            self.product_pump, self.warehouse.lot_stock_id, qty)

    def _material(self, order):
        order.invalidate_cache()
        return {name: order[name] for name in MATERIAL_FIELDS[:3]}

    def _expect(self, order, state, pickings, purchases):
        self.assertEqual(self._material(order), {
            'eco_material_state': state,
            'eco_material_picking_count': pickings,
            'eco_material_purchase_count': purchases,
        })

    def _purchase(self, order=None, origin=False, qty=2.0):
        """A draft purchase order of pumps, made for ``order``'s procurement group."""
        return self.env['purchase.order'].create({
            'partner_id': self.vendor.id,
            'group_id': order.procurement_group_id.id if order else False,
            'origin': origin,
            'order_line': [(0, 0, {
                'product_id': self.product_pump.id,
                'name': self.product_pump.name,
                'product_qty': qty,
                'product_uom': self.product_pump.uom_po_id.id,
                'price_unit': 500.0,
                'date_planned': '2030-03-15 10:00:00',
            })],
        })

    @staticmethod
    def _validate(picking):
        picking.action_assign()
        wizard = picking.button_validate()
        if wizard:
            picking.env[wizard['res_model']].browse(wizard['res_id']).process()

    # ------------------------------------------------------------------ tests
    def test_services_only_no_material(self):
        order = self._create_order(self.partner_a)
        order.sudo(self.user_staff).action_intake_review()
        order.sudo(self.user_staff).action_intake_accept()
        order.sudo(self.user_staff).action_confirm()
        self.assertEqual(order.state, 'sale')
        self.assertEqual(len(order.picking_ids), 0)
        self._expect(order, 'none', 0, 0)
        self.assertEqual(order.eco_material_summary, False)

    def test_picking_waiting_partial_ready_delivered(self):
        order = self._confirmed_order(qty=2.0)
        picking = order.picking_ids
        self.assertEqual(len(picking), 1)
        self.assertEqual(picking.picking_type_id, self.warehouse.out_type_id)
        self.assertEqual(picking.state, 'confirmed')
        self._expect(order, 'waiting', 1, 0)
        summary = order.eco_material_summary
        self.assertIn('<td>%s</td>' % picking.name, summary)
        self.assertIn('<td>Waiting</td>', summary)

        self._stock(1.0)
        picking.action_assign()
        self.assertEqual(picking.move_lines.state, 'partially_available')
        self._expect(order, 'partial', 1, 0)

        self._stock(1.0)
        picking.action_assign()
        self.assertEqual(picking.state, 'assigned')
        self._expect(order, 'ready', 1, 0)
        self.assertIn('<td>Ready</td>', order.eco_material_summary)

        self._validate(picking)
        self.assertEqual(picking.state, 'done')
        self._expect(order, 'delivered', 0, 0)
        self.assertIn('<td>Done</td>', order.eco_material_summary)

    def test_purchase_of_procurement_group(self):
        order = self._confirmed_order(qty=2.0)
        delivery = order.picking_ids
        self.assertTrue(order.procurement_group_id)
        purchase = self._purchase(order)
        other = self._confirmed_order(qty=1.0, partner=self.partner_b)
        other_purchase = self._purchase(other)
        self._expect(order, 'waiting', 1, 1)
        summary = order.eco_material_summary
        self.assertIn('<td>%s</td>' % purchase.name, summary)
        self.assertIn('<td>Filter Media Supply Co.</td>', summary)
        self.assertIn('<td>RFQ</td>', summary)
        self.assertNotIn(other_purchase.name, summary)
        self._expect(other, 'waiting', 1, 1)

        # confirmed: its receipt is in the same procurement group, so it is a picking
        # of the order too; the goods are still to come
        purchase.button_confirm()
        receipt = purchase.picking_ids
        self.assertEqual(len(receipt), 1)
        self.assertEqual(receipt.sale_id, order)
        self._expect(order, 'waiting', 2, 1)
        self.assertIn('<td>Purchase Order</td>', order.eco_material_summary)

        # received: nothing left to purchase; the delivery is reserved from the receipt
        self._validate(receipt)
        self.assertEqual(purchase.order_line.qty_received, 2.0)
        self._expect(order, 'waiting', 1, 0)
        delivery.action_assign()
        self.assertEqual(delivery.state, 'assigned')
        self._expect(order, 'ready', 1, 0)

    def test_purchase_by_origin_without_group(self):
        order = self._confirmed_order(qty=1.0)
        self.assertNotEqual(order.name, 'OTHER1')
        purchase = self._purchase(origin='OTHER1, %s' % order.name)
        unrelated = self._purchase(origin='%sX' % order.name)
        self._expect(order, 'waiting', 1, 1)
        summary = order.eco_material_summary
        self.assertIn('<td>%s</td>' % purchase.name, summary)
        self.assertNotIn('<td>%s</td>' % unrelated.name, summary)
        purchase.button_cancel()
        self._expect(order, 'waiting', 1, 0)

    def test_staff_reads_material_without_stock_rights(self):
        order = self._confirmed_order(qty=2.0)
        purchase = self._purchase(order)
        self.assertFalse(self.user_staff.has_group('stock.group_stock_user'))
        self.assertFalse(self.user_staff.has_group('purchase.group_purchase_user'))
        with self.assertRaises(AccessError):
            purchase.sudo(self.user_staff).read(['name'])
        order.invalidate_cache()
        values = order.sudo(self.user_staff).read(MATERIAL_FIELDS)[0]
        self.assertEqual(values['eco_material_state'], 'waiting')
        self.assertEqual(values['eco_material_picking_count'], 1)
        self.assertEqual(values['eco_material_purchase_count'], 1)
        self.assertIn('<td>%s</td>' % purchase.name, values['eco_material_summary'])
        self.assertIn('<td>Filter Media Supply Co.</td>',
                      values['eco_material_summary'])
        # the fields are for order staff only
        order.invalidate_cache()
        with self.assertRaises(AccessError):
            order.sudo(self.user_plain).read(['eco_material_state'])

    def test_material_hidden_for_unreadable_order(self):
        """The superuser reads the stock data only for orders the user may read."""
        order = self._confirmed_order(qty=1.0)
        self._expect(order, 'waiting', 1, 0)
        order.invalidate_cache()
        as_portal = order.sudo(self.user_portal_b)
        self.assertEqual(as_portal.eco_material_state, 'none')
        self.assertEqual(as_portal.eco_material_picking_count, 0)

    def test_constant_queries(self):
        orders = self.env['sale.order']
        for index in range(10):
            order = self._confirmed_order(qty=1.0 + index)
            self._purchase(order)
            orders |= order
        self._stock(3.0)
        orders[0].picking_ids.action_assign()
        orders[1].picking_ids.action_assign()
        staff_orders = orders.sudo(self.user_staff)
        # warm the caches that do not depend on the number of orders
        staff_orders.invalidate_cache()
        staff_orders[:2].read(MATERIAL_FIELDS)

        def count(recs):
            recs.invalidate_cache()
            before = self.env.cr.sql_log_count
            values = recs.read(MATERIAL_FIELDS)
            return self.env.cr.sql_log_count - before, values

        queries_5, values_5 = count(staff_orders[:5])
        queries_10, values_10 = count(staff_orders)
        self.assertEqual(queries_5, queries_10)
        self.assertEqual(values_5, values_10[:5])
        self.assertEqual([v['eco_material_purchase_count'] for v in values_10],
                         [1] * 10)
        self.assertEqual([v['eco_material_picking_count'] for v in values_10],
                         [1] * 10)
        # 3 pumps reserved for the first two orders, whose purchases are still open
        self.assertEqual([v['eco_material_state'] for v in values_10],
                         ['partial', 'partial'] + ['waiting'] * 8)
