# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Parts used on a maintenance visit as stock moves (R11.1): the visit's
delivery moves them from the warehouse's stock to the customer, quantities on
hand decrease; chargeable visits put them on the repair quotation; access by
group; bad input refused."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import EcoAftersalesCase


class TestVisitParts(EcoAftersalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestVisitParts, cls).setUpClass()
        env = cls.env
        Users = env['res.users'].with_context(no_reset_password=True)
        cls.user_stock = Users.create({
            'name': 'Wu Aft Warehouse', 'login': 'aft_stock',
            'email': 'aft_stock@example.com',
            'groups_id': [(6, 0, [env.ref('base.group_user').id,
                                  env.ref('stock.group_stock_user').id])]})
        cls.portal_a = Users.create({
            'name': 'Amy Aft', 'login': 'aft_parts_portal_a',
            'partner_id': cls.contact_a.id,
            'groups_id': [(6, 0, env.ref('base.group_portal').ids)]})
        cls.warehouse = env.ref('stock.warehouse0')
        cls.stock = cls.warehouse.lot_stock_id
        cls.customers = env.ref('stock.stock_location_customers')
        Product = env['product.product']
        cls.part_filter = Product.create({
            'name': 'Aft membrane filter cartridge', 'type': 'product',
            'list_price': 120.0, 'default_code': 'AFT-FLT'})
        cls.part_pump = Product.create({
            'name': 'Aft dosing pump', 'type': 'product', 'list_price': 900.0,
            'tracking': 'lot', 'default_code': 'AFT-PMP'})
        cls.lot = env['stock.production.lot'].create(
            {'name': 'AFT-PMP-L1', 'product_id': cls.part_pump.id})
        Quant = env['stock.quant']
        Quant._update_available_quantity(cls.part_filter, cls.stock, 10.0)
        Quant._update_available_quantity(cls.part_pump, cls.stock, 3.0,
                                         lot_id=cls.lot)
        cls.visit = env['maintenance.request'].create({
            'name': 'Aft quarterly service A', 'eco_equipment_id': cls.equipment.id,
            'eco_partner_id': cls.partner_a.id,
            'eco_date_started': '2026-12-01 02:00:00'})

    def _on_hand(self, product, lot=None):
        domain = [('product_id', '=', product.id),
                  ('location_id', 'child_of', self.stock.id)]
        if lot:
            domain.append(('lot_id', '=', lot.id))
        return sum(self.env['stock.quant'].search(domain).mapped('quantity'))

    def _part(self, visit, product, qty, user=None, **vals):
        values = {'request_id': visit.id, 'product_id': product.id,
                  'product_uom_qty': qty}
        values.update(vals)
        Part = self.env['eco.visit.part']
        return (Part.sudo(user) if user else Part).create(values)

    def test_01_parts_moved_to_customer_on_sign_off(self):
        visit = self.visit
        self.assertFalse(visit.eco_chargeable)
        as_service = visit.sudo(self.user_service)
        self._part(visit, self.part_filter, 4.0, user=self.user_service)
        self._part(visit, self.part_pump, 1.0, user=self.user_service,
                   lot_id=self.lot.id)
        as_service.write({'eco_signed_by': 'Amy Aft',
                          'eco_parts_used': 'Old gasket kept as a spare'})
        as_service.action_eco_sign_off()
        self.assertEqual(visit.stage_id, self.env.ref('maintenance.stage_3'))
        picking = visit.eco_picking_id
        self.assertEqual(
            (picking.state, picking.origin, picking.picking_type_id,
             picking.location_id, picking.location_dest_id, picking.partner_id),
            ('done', visit.name, self.warehouse.out_type_id, self.stock,
             self.customers, self.partner_a))
        moves = picking.move_lines.sorted(lambda m: m.product_id.default_code)
        self.assertEqual(
            [(m.product_id, m.product_uom_qty, m.quantity_done, m.state)
             for m in moves],
            [(self.part_filter, 4.0, 4.0, 'done'), (self.part_pump, 1.0, 1.0, 'done')])
        self.assertEqual(moves[1].move_line_ids.lot_id, self.lot)
        self.assertEqual(visit.eco_part_ids.mapped('move_id'), picking.move_lines)
        self.assertEqual(visit.eco_part_ids.mapped('done'), [True, True])
        self.assertTrue(visit.eco_parts_done)
        self.assertFalse(visit.eco_quotation_id)
        # quantities on hand decreased by exactly what was used
        self.assertEqual(self._on_hand(self.part_filter), 6.0)
        self.assertEqual(self._on_hand(self.part_pump, self.lot), 2.0)
        self.assertEqual(
            self.part_filter.with_context(location=self.stock.id).qty_available, 6.0)
        # the warehouse sees the delivery of the visit
        Picking = self.env['stock.picking'].sudo(self.user_stock)
        self.assertEqual(Picking.search([('origin', '=', visit.name)]), picking)
        # moved parts are locked, nothing more to confirm
        with self.assertRaises(UserError):
            visit.eco_part_ids[0].sudo(self.user_service).write(
                {'product_uom_qty': 1.0})
        with self.assertRaises(UserError):
            visit.eco_part_ids[0].sudo(self.user_service).unlink()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self._part(visit, self.part_filter, 1.0, user=self.user_service)
        self.assertEqual(len(visit.eco_part_ids), 2)
        # the visit report lists the parts and keeps the remarks
        html = self.env.ref('eco_aftersales.action_report_eco_visit').render_qweb_html(
            visit.ids)[0].decode()
        self.assertIn('AFT-PMP-L1', html)
        self.assertIn('Aft membrane filter cartridge', html)
        self.assertIn('Old gasket kept as a spare', html)

    def test_02_chargeable_visit_parts_on_repair_quotation(self):
        ticket = self._ticket(self.equipment_b)
        ticket.action_eco_create_quotation()
        quotation = ticket.eco_quotation_id
        visit = self.env['maintenance.request'].create({
            'name': 'Aft repair B', 'eco_equipment_id': self.equipment_b.id,
            'eco_partner_id': self.partner_b.id, 'eco_ticket_id': ticket.id})
        self.assertTrue(visit.eco_chargeable)
        part = self._part(visit, self.part_filter, 2.0, user=self.user_service)
        self.assertEqual(part.price_unit, 120.0)
        # the warehouse user issues the parts
        visit.sudo(self.user_stock).action_eco_confirm_parts()
        self.assertEqual(visit.eco_quotation_id, quotation)
        line = part.sale_line_id
        self.assertEqual((line.order_id, line.product_id, line.product_uom_qty,
                          line.price_unit),
                         (quotation, self.part_filter, 2.0, 120.0))
        self.assertEqual(quotation.amount_untaxed, 1040.0)
        self.assertEqual(part.move_id.sale_line_id, line)
        self.assertEqual(part.move_id.state, 'done')
        self.assertEqual(part.move_id.location_dest_id, self.customers)
        self.assertEqual(line.qty_delivered, 2.0)
        self.assertEqual(self._on_hand(self.part_filter), 8.0)
        # confirming the quotation delivers nothing a second time
        quotation.action_confirm()
        self.assertEqual(quotation.state, 'sale')
        self.assertEqual(self.env['stock.move'].search_count(
            [('sale_line_id', '=', line.id)]), 1)
        self.assertEqual(self._on_hand(self.part_filter), 8.0)
        # a second chargeable visit: the quotation is confirmed, a new one is made
        visit2 = self.env['maintenance.request'].create({
            'name': 'Aft repair B2', 'eco_equipment_id': self.equipment_b.id,
            'eco_partner_id': self.partner_b.id, 'eco_ticket_id': ticket.id})
        self._part(visit2, self.part_filter, 1.0, user=self.user_service)
        visit2.sudo(self.user_service).action_eco_confirm_parts()
        self.assertNotEqual(visit2.eco_quotation_id, quotation)
        self.assertEqual(
            (visit2.eco_quotation_id.state, visit2.eco_quotation_id.partner_id,
             visit2.eco_quotation_id.origin, visit2.eco_quotation_id.amount_untaxed),
            ('draft', self.partner_b, visit2.name, 120.0))
        self.assertEqual(self._on_hand(self.part_filter), 7.0)

    def test_03_access_by_group(self):
        part = self._part(self.visit, self.part_filter, 1.0, user=self.user_stock)
        Part = self.env['eco.visit.part']
        # portal customers neither see nor add parts, nor confirm them
        with self.assertRaises(AccessError):
            Part.sudo(self.portal_a).search([('id', '=', part.id)])
        with self.assertRaises(AccessError):
            part.sudo(self.portal_a).read(['product_uom_qty'])
        with self.assertRaises(AccessError):
            self._part(self.visit, self.part_filter, 1.0, user=self.portal_a)
        with self.assertRaises(AccessError):
            self.visit.sudo(self.portal_a).action_eco_confirm_parts()
        # other employees read, but do not move stock
        self.assertEqual(part.sudo(self.user_plain).read(
            ['product_uom_qty'])[0]['product_uom_qty'], 1.0)
        with self.assertRaises(AccessError):
            self._part(self.visit, self.part_filter, 1.0, user=self.user_plain)
        with self.assertRaises(AccessError):
            self.visit.sudo(self.user_plain).action_eco_confirm_parts()
        self.assertFalse(part.move_id)
        self.assertEqual(self._on_hand(self.part_filter), 10.0)
        # the warehouse user edits (deleting is for service staff), the service
        # user sees the delivery
        with self.assertRaises(AccessError):
            part.sudo(self.user_stock).unlink()
        part.sudo(self.user_stock).write({'product_uom_qty': 3.0})
        self.visit.sudo(self.user_stock).action_eco_confirm_parts()
        self.assertEqual(self._on_hand(self.part_filter), 7.0)
        picking = self.visit.sudo(self.user_service).eco_picking_id
        self.assertEqual(picking.read(['state'])[0]['state'], 'done')

    def test_04_bad_input_refused(self):
        Part = self.env['eco.visit.part']
        for qty in (0.0, -2.0):
            with self.assertRaises(ValidationError) as error, \
                    self.env.cr.savepoint():
                self._part(self.visit, self.part_filter, qty, user=self.user_service)
            self.assertEqual(
                error.exception.name,
                'The quantity of part [AFT-FLT] Aft membrane filter cartridge must be '
                'greater than zero.')
        self.assertEqual(Part.search_count([('request_id', '=', self.visit.id)]), 0)
        as_service = self.visit.sudo(self.user_service)
        with self.assertRaises(UserError) as error:
            as_service.action_eco_confirm_parts()
        self.assertEqual(error.exception.name,
                         'Visit Aft quarterly service A has no parts to confirm.')
        # more than in stock: refused, nothing moved
        part = self._part(self.visit, self.part_filter, 12.0, user=self.user_service)
        with self.assertRaises(UserError) as error:
            as_service.action_eco_confirm_parts()
        self.assertEqual(
            error.exception.name,
            'Not enough stock of [AFT-FLT] Aft membrane filter cartridge in '
            '%s: 10.0 available, 12.0 used.' % self.stock.display_name)
        self.assertFalse(part.move_id)
        self.assertFalse(self.visit.eco_picking_id)
        self.assertEqual(self._on_hand(self.part_filter), 10.0)
        part.unlink()
        # a lot-tracked part without its lot
        pump = self._part(self.visit, self.part_pump, 1.0, user=self.user_service)
        with self.assertRaises(UserError) as error:
            as_service.action_eco_confirm_parts()
        self.assertEqual(error.exception.name,
                         'Enter the lot / serial number of part [AFT-PMP] '
                         'Aft dosing pump.')
        self.assertFalse(pump.move_id)
        self.assertEqual(self._on_hand(self.part_pump, self.lot), 3.0)
        self.assertFalse(self.env['stock.picking'].search(
            [('origin', '=', self.visit.name)]))
