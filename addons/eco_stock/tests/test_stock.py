# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import EcoStockCase, days


class TestStock(EcoStockCase):

    @classmethod
    def setUpClass(cls):
        super(TestStock, cls).setUpClass()
        cls.loc_a = cls.env['stock.location'].create({
            'name': 'St Shelf A', 'usage': 'internal', 'eco_abc_class': 'a',
            'location_id': cls.stock_location.id})
        cls.loc_c = cls.env['stock.location'].create({
            'name': 'St Shelf C', 'usage': 'internal', 'eco_abc_class': 'c',
            'location_id': cls.stock_location.id})

    def _stock(self, product, location, qty):
        self.env['stock.quant']._update_available_quantity(product, location, qty)

    def test_cycle_count_proposal_and_accuracy(self):
        # only the rule of this test (the demo rule covers class A too)
        self.env['stock.cycle.count.rule'].search([]).write({'active': False})
        rule = self.env['stock.cycle.count.rule'].create({
            'name': 'St A monthly', 'rule_type': 'periodic',
            'periodic_qty_per_period': 1, 'periodic_count_period': 30,
            'apply_in': 'warehouse', 'warehouse_ids': [(6, 0, self.warehouse.ids)],
            'eco_abc_class': 'a', 'eco_counter_id': self.stock_user.id})
        self.warehouse.write({'cycle_count_rule_ids': [(4, rule.id)]})
        self.warehouse.cron_cycle_count()
        counts = self.env['stock.cycle.count'].search(
            [('cycle_count_rule_id', '=', rule.id)])
        # class A locations only (the demo shelf A is one too)
        self.assertIn(self.loc_a, counts.mapped('location_id'))
        self.assertNotIn(self.loc_c, counts.mapped('location_id'))
        self.assertNotIn(self.stock_location, counts.mapped('location_id'))
        counts = counts.filtered(lambda c: c.location_id == self.loc_a)
        self.assertEqual(len(counts), 1)
        self.assertEqual(counts.responsible_id, self.stock_user)
        activity = counts.activity_ids
        self.assertEqual(activity.user_id, self.stock_user)
        self.assertIn('St Shelf A', activity.summary)
        # counted: 8 found of 10 -> 80 % accuracy in the monthly report
        self._stock(self.pump, self.loc_a, 10.0)
        counts.sudo(self.stock_user).action_create_inventory_adjustment()
        inventory = counts.stock_adjustment_ids
        inventory.action_start()
        inventory.line_ids.write({'product_qty': 8.0})
        inventory.action_done()
        self.assertEqual(inventory.state, 'done')
        self.assertEqual(inventory.inventory_accuracy, 80.0)
        self.env['eco.count.accuracy.report'].invalidate_cache()
        row = self.env['eco.count.accuracy.report'].sudo(self.stock_user).search(
            [('location_id', '=', self.loc_a.id)])
        self.assertEqual(len(row), 1)
        self.assertEqual((row.count, row.cycle_count, row.accuracy), (1, 1, 80.0))

    def _move(self, product, src, dst, qty, date):
        move = self.env['stock.move'].create({
            'name': product.name, 'product_id': product.id,
            'product_uom': product.uom_id.id,
            'product_uom_qty': qty, 'location_id': src.id, 'location_dest_id': dst.id})
        move._action_confirm()
        move._action_assign()
        move.move_line_ids.write({'qty_done': qty})
        move._action_done()
        move.write({'date': date})
        return move

    def test_slow_movers(self):
        reagent = self.env['product.product'].create({
            'name': 'St PAC reagent', 'type': 'product',
            'categ_id': self.categ_reagent.id,
            'standard_price': 5.0})
        self.categ_reagent.eco_slow_mover_days = 90
        self.categ_equipment.eco_slow_mover_days = 90
        self._move(reagent, self.supplier_location, self.loc_c, 40.0, days(-200))
        self._move(self.pump, self.supplier_location, self.loc_c, 5.0, days(-200))
        out = self._move(reagent, self.loc_c, self.customer_location, 10.0, days(-100))
        self._move(self.pump, self.loc_c, self.customer_location, 1.0, days(-1))
        self.env['stock.quant'].search([('location_id', '=', self.loc_c.id)]).write(
            {'in_date': days(-200) + ' 00:00:00'})
        # the move stamped the product (its date then written back by the test)
        self.assertTrue(reagent.eco_last_outgoing_date)
        self.env['stock.move']._eco_backfill_last_outgoing()
        reagent.invalidate_cache()
        self.assertEqual(reagent.eco_last_outgoing_date, out.date)
        Report = self.env['eco.slow.mover.report'].sudo(self.stock_user)
        rows = Report.search([('location_id', '=', self.loc_c.id)])
        self.assertEqual(rows.mapped('product_id'), reagent)
        self.assertEqual(rows.quantity, 30.0)
        self.assertEqual(rows.value, 150.0)
        self.assertEqual(rows.age_days, 100)
        self.assertEqual(rows.threshold_days, 90)
        action = rows.action_propose_disposal()
        self.assertEqual(action['context']['default_quantity'], 30.0)

    def test_disposal_scrap_with_valuation(self):
        self.categ_equipment.write({'property_valuation': 'real_time',
                                    'property_cost_method': 'standard'})
        self._move(self.pump, self.supplier_location, self.loc_c, 5.0, days(-200))
        proposal = self.env['eco.disposal.proposal'].sudo(self.stock_user).create({
            'product_id': self.pump.id, 'location_id': self.loc_c.id, 'quantity': 2.0,
            'method': 'scrap', 'reason': 'Obsolete model'})
        with self.assertRaises(AccessError):
            proposal.action_approve()
        self.assertEqual(proposal.state, 'draft')
        proposal.sudo(self.stock_manager).action_approve()
        self.assertEqual(proposal.approved_by_id, self.stock_manager)
        proposal.sudo(self.stock_manager).action_execute()
        self.assertEqual(proposal.state, 'done')
        scrap = proposal.scrap_id
        self.assertEqual(scrap.state, 'done')
        self.assertEqual(scrap.move_id.state, 'done')
        self.assertEqual(
            self.pump.with_context(location=self.loc_c.id).qty_available, 3.0)
        entries = self.env['account.move'].search(
            [('stock_move_id', '=', scrap.move_id.id)])
        self.assertEqual(len(entries), 1)
        self.assertEqual(entries.amount, 200.0)

    def test_disposal_bad_input(self):
        with self.assertRaises(ValidationError):
            with self.cr.savepoint():
                self.env['eco.disposal.proposal'].create({
                    'product_id': self.pump.id, 'location_id': self.loc_c.id,
                    'quantity': 0.0})
        proposal = self.env['eco.disposal.proposal'].create({
            'product_id': self.pump.id, 'location_id': self.loc_c.id, 'quantity': 1.0,
            'method': 'discount'})
        with self.assertRaises(UserError):
            proposal.sudo(self.stock_manager).action_approve()
        self.assertEqual(proposal.state, 'draft')
        proposal.write({'partner_id': self.partner_a.id, 'discount': 30.0})
        proposal.sudo(self.stock_manager).action_approve()
        proposal.sudo(self.stock_manager).action_execute()
        self.assertEqual(proposal.sale_id.order_line.discount, 30.0)
        self.assertEqual(proposal.sale_id.state, 'draft')

    def test_change_request_moves_picking(self):
        self.pump.write({'route_ids': [(5, 0, 0)]})
        self._stock(self.pump, self.stock_location, 3.0)
        order = self._confirmed_order(self.partner_a, order_line=[(0, 0, {
            'product_id': self.pump.id, 'name': self.pump.name,
            'product_uom_qty': 1.0})])
        picking = order.picking_ids
        self.assertEqual(len(picking), 1)
        self.assertEqual(picking.eco_delivery_method, order.eco_delivery_method)
        new_date = days(40)
        Change = self.env['eco.order.change.request'].sudo(self.user_staff)
        change = Change.create({
            'order_id': order.id, 'kind': 'delivery_date', 'new_date': new_date,
            'reason': 'Site not ready'})
        change.action_submit()
        change._eco_portal_decide(True, self.contact_a, self.user_portal_a)
        self.assertEqual(order.eco_delivery_date, new_date)
        self.assertEqual(picking.scheduled_date[:10], new_date)
        change = Change.create({
            'order_id': order.id, 'kind': 'delivery_method', 'new_method': 'pickup',
            'reason': 'Customer collects'})
        change.action_submit()
        change._eco_portal_decide(True, self.contact_a, self.user_portal_a)
        self.assertEqual(picking.eco_delivery_method, 'pickup')
        # delivery note in English and Chinese
        self.env['res.lang'].load_lang('zh_CN')
        self.env['ir.translation'].load_module_terms(['eco_stock'], ['zh_CN'])
        report = self.env.ref('eco_stock.action_report_eco_delivery_note')
        html = report.render_qweb_html(picking.ids)[0].decode()
        self.assertIn('Delivery Note', html)
        self.assertIn('Customer pickup', html)
        self.partner_a.lang = 'zh_CN'
        html = report.render_qweb_html(picking.ids)[0].decode()
        self.assertIn('送货单', html)
        # material status from the order's pickings
        picking.action_assign()
        self.assertEqual(picking.state, 'assigned')
        order.invalidate_cache()
        self.assertEqual(order.eco_material_state, 'ready')
        self.assertEqual(order.eco_material_picking_count, 1)
        # a purchase made for the order's procurement group is linked exactly
        purchase = self._purchase(self.vendor_good, self.pump)
        purchase.group_id = order.procurement_group_id
        self.assertEqual(purchase.eco_sale_order_id, order)
        self.assertEqual(order.eco_purchase_ids, purchase)
        order.invalidate_cache()
        self.assertEqual(order.eco_material_purchase_count, 1)
        # goods reserved, a purchase still open: partially available (eco_order)
        self.assertEqual(order.eco_material_state, 'partial')

    def test_demo_reserves_nothing_in_stock(self):
        """The demo orders leave WH/Stock free of reservations, as Odoo's demo does:
        Odoo's own stock tests (test_location_usage) flag it as a scrap location."""
        demo_order = self.env.ref('eco_order.sale_order_eco_confirmed_demo')
        self.assertEqual(
            self.env.ref('eco_order.product_eco_wwtp_unit_demo').type, 'product')
        self.assertEqual(set(demo_order.picking_ids.mapped('state')), {'confirmed'})
        stock = self.env.ref('stock.stock_location_stock')
        stock.write({'scrap_location': True})
        self.assertTrue(stock.scrap_location)
