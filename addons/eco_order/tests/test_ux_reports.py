# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, defect 11: the analysis reports offer plain measures only (no
shared-out or averaged figures that mean nothing), count units per standard
once, and tell the truth about the demo data (positive margins, punctuality
with real values)."""
from odoo import fields

from .common import EcoOrderCase


class TestUxReports(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestUxReports, cls).setUpClass()
        cls.pump = cls.env['product.product'].create({
            'name': 'Ux dosing pump', 'type': 'consu', 'list_price': 500.0,
            'standard_price': 320.0})
        Standard = cls.env['eco.environmental.standard']
        cls.std_water = Standard.create({
            'name': 'Ux water discharge', 'code': 'UX-W-1', 'medium': 'water'})
        cls.std_air = Standard.create({
            'name': 'Ux air emission', 'code': 'UX-A-1', 'medium': 'air'})
        cls.order = cls._create_order(cls.partner_a, order_line=[
            (0, 0, {'product_id': cls.pump.id, 'name': 'Pump',
                    'product_uom_qty': 4, 'price_unit': 500.0}),
            (0, 0, {'product_id': cls.product_service.id, 'name': 'Service',
                    'product_uom_qty': 3, 'price_unit': 200.0})],
            intake_standard_ids=[(6, 0, (cls.std_water | cls.std_air).ids)])
        cls.order.write({'intake_state': 'accepted', 'state': 'sale',
                         'confirmation_date': '2025-06-02 08:00:00'})
        cls.env['eco.demand.analysis']._refresh_data()

    def _measures(self, model):
        """The fields the pivot view offers as measures (Odoo 11: stored
        integer, float and monetary fields but id)."""
        return sorted(
            name for name, field in self.env[model].fields_get().items()
            if name != 'id' and field.get('store')
            and field['type'] in ('integer', 'float', 'monetary'))

    def test_01_plain_measures(self):
        self.assertEqual(self._measures('eco.demand.analysis'),
                         ['nbr', 'product_uom_qty'])
        fields_info = self.env['eco.demand.analysis'].fields_get(
            ['nbr', 'product_uom_qty'])
        self.assertEqual(fields_info['product_uom_qty']['string'], 'Units Requested')
        self.assertEqual(fields_info['nbr']['string'], '# of Order Lines')
        self.assertEqual(self._measures('eco.sales.analysis'),
                         ['cost', 'margin', 'nbr', 'product_qty', 'revenue'])
        self.assertEqual(
            self._measures('eco.milestone.analysis'),
            ['delay_days', 'late_count', 'nbr', 'on_time_count', 'overdue_count',
             'punctuality'])

    def test_02_units_per_standard_counted_once(self):
        groups = self.env['eco.demand.analysis'].sudo(self.user_manager).read_group(
            [('order_id', '=', self.order.id)],
            ['product_uom_qty', 'nbr', 'standard_id'], ['standard_id'])
        self.assertEqual(
            sorted((g['standard_id'][1], g['product_uom_qty'], g['nbr'])
                   for g in groups),
            [('UX-A-1 Ux air emission', 7.0, 2), ('UX-W-1 Ux water discharge', 7.0, 2)])
        rows = self.env['eco.demand.analysis'].sudo(self.user_manager).search(
            [('order_id', '=', self.order.id), ('standard_id', '=', self.std_water.id)])
        self.assertEqual(sorted(rows.mapped('product_uom_qty')), [3.0, 4.0])

    def test_03_sales_unit_cost_per_row(self):
        rows = self.env['eco.sales.analysis'].sudo(self.user_manager).search(
            [('order_id', '=', self.order.id), ('product_id', '=', self.pump.id)])
        self.assertEqual((rows.product_qty, rows.revenue, rows.cost, rows.margin,
                          rows.unit_cost), (4.0, 2000.0, 1280.0, 720.0, 320.0))

    def test_04_milestone_row_names_its_milestone(self):
        milestone = self.env['eco.order.milestone'].create({
            'order_id': self.order.id, 'name': 'Ux review',
            'deadline': '2025-06-10 08:00:00', 'date_done': '2025-06-09 08:00:00',
            'state': 'done'})
        row = self.env['eco.milestone.analysis'].sudo(self.user_manager).search(
            [('order_id', '=', self.order.id)])
        self.assertEqual((row.milestone_id, row.on_time_count, row.punctuality),
                         (milestone, 1, 100.0))

    def test_05_demo_reports_are_sane(self):
        """With the demo data, the sales margin is positive and the milestone
        punctuality has real values (neither none nor all late)."""
        if not self.env.ref('eco_order.sale_order_eco_delivered_demo', False):
            self.skipTest('demo data not loaded')
        # only the demo: not the orders of this test
        self.order.write({'state': 'cancel'})
        Sales = self.env['eco.sales.analysis'].sudo(self.user_manager)
        total = Sales.read_group([], ['margin', 'revenue'], [])[0]
        self.assertGreater(total['margin'], 0.0)
        self.assertLess(total['margin'], total['revenue'])
        # no product sold at a loss overall (single lines may be discounted)
        per_product = Sales.read_group([], ['margin', 'product_id'], ['product_id'])
        self.assertFalse([g['product_id'] for g in per_product if g['margin'] < 0])
        Punctuality = self.env['eco.milestone.analysis'].sudo(self.user_manager)
        demo = Punctuality.read_group(
            [('deadline', '<', fields.Date.today())],
            ['on_time_count', 'late_count', 'punctuality'], [])[0]
        self.assertGreater(demo['on_time_count'], 0)
        self.assertGreater(demo['punctuality'], 0.0)
        self.assertLess(demo['punctuality'], 100.0)
        Demand = self.env['eco.demand.analysis'].sudo(self.user_manager)
        groups = Demand.read_group([('state', '!=', 'cancel')],
                                   ['product_uom_qty', 'standard_id'], ['standard_id'])
        undefined = sum(g['product_uom_qty'] for g in groups if not g['standard_id'])
        defined = sum(g['product_uom_qty'] for g in groups if g['standard_id'])
        self.assertLess(undefined, defined)
