# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R7.3 data analysis: the report figures equal a hand computation on a small
known data set (four orders of two test customers with fixed dates, channels,
amounts, standards and product costs)."""
import threading
from datetime import date

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase

from ..report.eco_demand_analysis import REFRESH_LOCK_KEY
from .common import EcoOrderCase


class TestAnalysis(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestAnalysis, cls).setUpClass()
        cls.goods = cls.env['product.product'].create({
            'name': 'Dosing pump DP-40',
            'type': 'consu',
            'list_price': 100.0,
            'standard_price': 30.0,
        })
        Standard = cls.env['eco.environmental.standard']
        cls.std_water = Standard.create({
            'name': 'Test water discharge', 'code': 'TEST-W-1', 'medium': 'water'})
        cls.std_air = Standard.create({
            'name': 'Test air emission', 'code': 'TEST-A-1', 'medium': 'air'})

        def line(product, qty, price):
            return (0, 0, {'product_id': product.id, 'name': product.name,
                           'product_uom_qty': qty, 'price_unit': price})

        # O1: phone, January, responded after 2 h, accepted after 24 h, confirmed
        cls.order_1 = cls._create_order(
            cls.partner_a, intake_channel='phone', order_line=[
                line(cls.goods, 5, 100.0), line(cls.product_service, 2, 1000.0)])
        cls.order_1.write({
            'intake_received_date': '2025-01-10 08:00:00',
            'intake_first_response_date': '2025-01-10 10:00:00',
            'intake_state': 'accepted',
            'intake_accepted_date': '2025-01-11 08:00:00',
            'state': 'sale',
            'confirmation_date': '2025-01-12 09:00:00',
        })
        # O2: email, January, responded after 30 h, water standard, quotation
        cls.order_2 = cls._create_order(
            cls.partner_a, intake_channel='email', order_line=[
                line(cls.product_service, 1, 1000.0)],
            intake_standard_ids=[(6, 0, cls.std_water.ids)])
        cls.order_2.write({
            'intake_received_date': '2025-01-20 08:00:00',
            'intake_first_response_date': '2025-01-21 14:00:00',
        })
        # O3: email, February, 4 h / 36 h, water + air standards, confirmed
        cls.order_3 = cls._create_order(
            cls.partner_b, intake_channel='email', order_line=[
                line(cls.goods, 10, 90.0)],
            intake_standard_ids=[(6, 0, (cls.std_water | cls.std_air).ids)])
        cls.order_3.write({
            'intake_received_date': '2025-02-03 08:00:00',
            'intake_first_response_date': '2025-02-03 12:00:00',
            'intake_state': 'accepted',
            'intake_accepted_date': '2025-02-04 20:00:00',
            'state': 'sale',
            'confirmation_date': '2025-02-05 10:00:00',
        })
        # O4: portal, February, never answered, cancelled
        cls.order_4 = cls._create_order(
            cls.partner_b, intake_channel='portal', order_line=[
                line(cls.goods, 1, 100.0)])
        cls.order_4.write({
            'intake_received_date': '2025-02-15 08:00:00',
            'state': 'cancel',
        })
        cls.domain = [('partner_id', 'in', (cls.partner_a | cls.partner_b).ids)]
        # the demand figures are stored: bring them up to date explicitly
        cls.env['eco.demand.analysis']._refresh_data()

    def _group(self, model, fields, groupby, domain=None, user=None):
        Model = self.env[model].sudo(user or self.user_manager)
        return Model.read_group(
            self.domain + (domain or []),
            fields + [g.split(':')[0] for g in groupby], groupby, lazy=False,
            orderby=', '.join(g.split(':')[0] for g in groupby))

    # order volume and intake speed ------------------------------------
    def test_01_volume_and_speed_per_channel(self):
        groups = self._group(
            'eco.order.analysis',
            ['nbr', 'amount_untaxed', 'response_hours', 'acceptance_hours'],
            ['intake_channel'])
        figures = {g['intake_channel']: (
            g['nbr'], g['amount_untaxed'], g['response_hours'], g['acceptance_hours'])
            for g in groups}
        self.assertEqual(figures, {
            'email': (2, 1900.0, 17.0, 36.0),
            'phone': (1, 2500.0, 2.0, 24.0),
            'portal': (1, 100.0, False, False),
        })

    def test_02_volume_per_month(self):
        groups = self._group(
            'eco.order.analysis', ['nbr', 'confirmed_count', 'responded_count'],
            ['date:month'])
        self.assertEqual(
            [(g['date:month'], g['nbr'], g['confirmed_count'], g['responded_count'])
             for g in groups],
            [('January 2025', 2, 1, 2), ('February 2025', 2, 1, 1)])

    def test_03_volume_excluding_cancelled_by_team(self):
        groups = self._group(
            'eco.order.analysis', ['nbr', 'accepted_count'], ['user_id'],
            domain=[('state', '!=', 'cancel')])
        self.assertEqual(
            [(g['user_id'][0], g['nbr'], g['accepted_count']) for g in groups],
            [(self.user_staff.id, 3, 2)])

    # customer demand trends --------------------------------------------
    def test_10_demand_per_standard_per_month(self):
        groups = self._group(
            'eco.demand.analysis', ['nbr', 'product_uom_qty'],
            ['standard_id', 'date:month'], domain=[('state', '!=', 'cancel')])
        figures = {
            (g['standard_id'] and g['standard_id'][0], g['date:month']): (
                g['nbr'], g['product_uom_qty'])
            for g in groups}
        self.assertEqual(figures, {
            (self.std_water.id, 'January 2025'): (1, 1.0),
            (self.std_water.id, 'February 2025'): (1, 10.0),
            (self.std_air.id, 'February 2025'): (1, 10.0),
            (False, 'January 2025'): (2, 7.0),
        })

    def test_11_demand_units_per_standard_and_product(self):
        """A line counts once under each standard of its order."""
        groups = self._group(
            'eco.demand.analysis', ['product_uom_qty', 'nbr'],
            ['standard_id', 'product_id'])
        figures = {(g['standard_id'] and g['standard_id'][0], g['product_id'][0]): (
            g['product_uom_qty'], g['nbr']) for g in groups}
        self.assertEqual(figures, {
            (self.std_water.id, self.goods.id): (10.0, 1),
            (self.std_air.id, self.goods.id): (10.0, 1),
            (self.std_water.id, self.product_service.id): (1.0, 1),
            (False, self.goods.id): (6.0, 2),
            (False, self.product_service.id): (2.0, 1),
        })

    def _demand_per_standard(self):
        groups = self._group(
            'eco.demand.analysis', ['nbr', 'product_uom_qty'],
            ['standard_id', 'date:month'], domain=[('state', '!=', 'cancel')])
        return [((g['standard_id'] and g['standard_id'][0]), g['date:month'],
                 g['nbr'], g['product_uom_qty']) for g in groups]

    def test_12_demand_groups_in_standard_order(self):
        """Groups come in the order of the standards (medium, code), then of
        the months; lines without standard last (descending: first)."""
        self.assertEqual(self._demand_per_standard(), [
            (self.std_air.id, 'February 2025', 1, 10.0),
            (self.std_water.id, 'January 2025', 1, 1.0),
            (self.std_water.id, 'February 2025', 1, 10.0),
            (False, 'January 2025', 2, 7.0),
        ])
        groups = self._group(
            'eco.demand.analysis', ['nbr'], ['standard_id'])
        self.assertEqual(
            [(g['standard_id'] and g['standard_id'][0], g['nbr']) for g in groups],
            [(self.std_air.id, 1), (self.std_water.id, 2), (False, 3)])
        groups = self.env['eco.demand.analysis'].sudo(self.user_manager).read_group(
            self.domain, ['nbr', 'standard_id'], ['standard_id'],
            orderby='standard_id desc')
        self.assertEqual(
            [(g['standard_id'] and g['standard_id'][0], g['standard_id_count'])
             for g in groups],
            [(False, 3), (self.std_water.id, 2), (self.std_air.id, 1)])

    def test_13_demand_refresh_follows_standards(self):
        """Standards added to or removed from an order count at the next read
        (the rows of the orders changed since the refresh are computed live);
        a full refresh gives the same figures."""
        self.order_2.write({'intake_standard_ids': [(4, self.std_air.id)]})
        self.order_3.write({'intake_standard_ids': [(5,)]})
        after = [
            (self.std_air.id, 'January 2025', 1, 1.0),
            (self.std_water.id, 'January 2025', 1, 1.0),
            (False, 'January 2025', 2, 7.0),
            (False, 'February 2025', 1, 10.0),
        ]
        self.assertEqual(self._demand_per_standard(), after)
        self.env['eco.demand.analysis']._refresh_data(full=True)
        self.assertEqual(self._demand_per_standard(), after)
        # emptied table (reinstalled, restored): the next refresh is full
        self.env.cr.execute("DELETE FROM eco_demand_analysis_data")
        self.assertIsNone(self.env['eco.demand.analysis']._refresh_data())
        self.assertEqual(self._demand_per_standard(), after)
        # emptied again: the read computes every row live
        self.env.cr.execute("DELETE FROM eco_demand_analysis_data")
        self.assertEqual(self._demand_per_standard(), after)
        # a deleted standard: its orders are counted again without it
        self.std_air.unlink()
        self.assertEqual(self._demand_per_standard(), [
            (self.std_water.id, 'January 2025', 1, 1.0),
            (False, 'January 2025', 2, 7.0),
            (False, 'February 2025', 1, 10.0),
        ])

    def test_14_demand_refresh_follows_lines(self):
        """A changed quantity counts at the next read; a deleted line is gone
        at once."""
        line = self.order_1.order_line.filtered(lambda l: l.product_id == self.goods)
        line.write({'product_uom_qty': 8})
        self.assertEqual(self._demand_per_standard()[3],
                         (False, 'January 2025', 2, 10.0))
        self.order_4.order_line.unlink()
        groups = self._group('eco.demand.analysis', ['nbr'], ['state'])
        self.assertEqual([(g['state'], g['nbr']) for g in groups],
                         [('draft', 1), ('sale', 4)])

    def test_15_demand_refresh_by_managers_only(self):
        Wizard = self.env['eco.demand.analysis.refresh']
        with self.assertRaises(AccessError):
            Wizard.sudo(self.user_staff).create({}).action_refresh()
        self.order_2.write({'intake_standard_ids': [(5,)]})
        wizard = Wizard.sudo(self.user_manager).create({})
        self.assertEqual(wizard.last_refresh,
                         self.env['eco.demand.analysis']._last_refresh())
        action = wizard.action_refresh()
        self.assertEqual(action['res_model'], 'eco.demand.analysis')
        self.assertEqual(self._demand_per_standard()[:2], [
            (self.std_air.id, 'February 2025', 1, 10.0),
            (self.std_water.id, 'February 2025', 1, 10.0),
        ])

    # product and service sales -----------------------------------------
    def test_20_sales_revenue_cost_margin_by_type(self):
        groups = self._group(
            'eco.sales.analysis', ['product_qty', 'revenue', 'cost', 'margin', 'nbr'],
            ['product_type'])
        figures = {g['product_type']: (
            g['nbr'], g['product_qty'], g['revenue'], g['cost'], g['margin'])
            for g in groups}
        # confirmed orders only (O1, O3): goods 5 x 100 + 10 x 90 at cost 30,
        # services 2 x 1000 without cost
        self.assertEqual(figures, {
            'consu': (2, 15.0, 1400.0, 450.0, 950.0),
            'service': (1, 2.0, 2000.0, 0.0, 2000.0),
        })

    def test_21_sales_per_month_and_cost_known(self):
        groups = self._group(
            'eco.sales.analysis', ['revenue', 'margin'], ['date:month'])
        self.assertEqual(
            [(g['date:month'], g['revenue'], g['margin']) for g in groups],
            [('January 2025', 2500.0, 2350.0), ('February 2025', 900.0, 600.0)])
        lines = self.env['eco.sales.analysis'].sudo(self.user_manager).search(
            self.domain + [('product_id', '=', self.goods.id)])
        self.assertEqual(lines.mapped('cost_known'), [True, True])
        self.assertEqual(sorted(lines.mapped('unit_cost')), [30.0, 30.0])

    def test_22_sales_cost_follows_product_cost(self):
        self.goods.standard_price = 50.0
        groups = self._group(
            'eco.sales.analysis', ['cost', 'margin'], ['product_id'],
            domain=[('product_id', '=', self.goods.id)])
        self.assertEqual([(g['cost'], g['margin']) for g in groups], [(750.0, 650.0)])

    def test_23_sales_groups_in_product_order(self):
        """Product groups come in the order of the products (reference, name)
        with or without an explicit order."""
        products = self.env['product.product'].search(
            [('id', 'in', (self.goods | self.product_service).ids)])
        Sales = self.env['eco.sales.analysis'].sudo(self.user_manager)
        for orderby, expected in ((False, products.ids),
                                  ('product_id desc', products.ids[::-1])):
            groups = Sales.read_group(
                self.domain, ['revenue', 'product_id'], ['product_id'],
                orderby=orderby)
            self.assertEqual([g['product_id'][0] for g in groups], expected)
        groups = Sales.read_group(
            self.domain, ['revenue', 'product_id', 'date'],
            ['date:month', 'product_id'], lazy=False)
        january = {self.goods.id: 500.0, self.product_service.id: 2000.0}
        self.assertEqual(
            [(g['date:month'], g['product_id'][0], g['revenue']) for g in groups],
            [('January 2025', pid, january[pid]) for pid in products.ids]
            + [('February 2025', self.goods.id, 900.0)])

    # milestone punctuality ---------------------------------------------
    def test_30_milestone_punctuality(self):
        Milestone = self.env['eco.order.milestone']
        for order, name, deadline, done in (
                # on time, late by 3 days
                (self.order_1, 'Review', '2025-01-15 10:00:00', '2025-01-14 16:00:00'),
                (self.order_1, 'Plan', '2025-01-20 10:00:00', '2025-01-23 09:00:00'),
                # done later on the day of the deadline: on time (by day),
                # overdue since 2025-02-20, not due yet
                (self.order_3, 'Review', '2025-02-10 08:00:00', '2025-02-10 18:00:00'),
                (self.order_3, 'Plan', '2025-02-20 08:00:00', False),
                (self.order_3, 'Handover', '2099-01-01 08:00:00', False)):
            Milestone.create({
                'order_id': order.id, 'name': name, 'deadline': deadline,
                'date_done': done, 'state': 'done' if done else 'pending'})
        groups = self._group(
            'eco.milestone.analysis',
            ['nbr', 'on_time_count', 'late_count', 'overdue_count', 'delay_days',
             'punctuality'], ['order_id'])
        overdue_days = (date.today() - date(2025, 2, 20)).days
        self.assertEqual(
            {g['order_id'][0]: (g['nbr'], g['on_time_count'], g['late_count'],
                                g['overdue_count'], g['delay_days'], g['punctuality'])
             for g in groups},
            {self.order_1.id: (2, 1, 1, 0, 1.5, 50.0),
             self.order_3.id: (3, 1, 0, 1, overdue_days / 2.0, 50.0)})
        rows = self.env['eco.milestone.analysis'].sudo(self.user_manager).search(
            self.domain + [('deadline', '=', '2099-01-01')])
        self.assertEqual(len(rows), 1)
        self.assertEqual((rows.delay_days, rows.punctuality), (0.0, 0.0))

    # access ---------------------------------------------------------------
    def test_40_staff_cannot_read_reports(self):
        for model in ('eco.order.analysis', 'eco.demand.analysis',
                      'eco.sales.analysis', 'eco.milestone.analysis',
                      'eco.compliance.analysis'):
            with self.assertRaises(AccessError):
                self.env[model].sudo(self.user_staff).read_group(
                    [], ['nbr', 'company_id'], ['company_id'])
            with self.assertRaises(AccessError):
                self.env[model].sudo(self.user_plain).search([])

    def test_42_reports_follow_customer_confidentiality(self):
        """R7.2 holds in the reports: a manager without clearance does not
        see the figures of a confidential customer, one with clearance does;
        a secret customer only for cleared managers named on it."""
        models = ('eco.order.analysis', 'eco.demand.analysis', 'eco.sales.analysis',
                  'eco.milestone.analysis', 'eco.compliance.analysis')
        (self.order_1 | self.order_2 | self.order_3).action_eco_compliance_check()
        cleared = self._create_user(
            'eco_analysis_cleared',
            self.group_user | self.group_eco_manager
            | self.env.ref('eco_order.group_eco_customer_confidential'),
            name='Cleo Cleared')

        def partners_seen(user):
            seen = {}
            for model in models:
                rows = self.env[model].sudo(user).search(self.domain)
                seen[model] = rows.mapped('partner_id')
            return seen

        before = partners_seen(self.user_manager)
        # every report has rows of both customers to begin with (milestones:
        # none in this data set)
        for model, partners in before.items():
            expected = self.env['res.partner'] if model == 'eco.milestone.analysis' \
                else self.partner_a | self.partner_b
            self.assertEqual(partners, expected, model)
        self.partner_b.write({'eco_classification': 'confidential'})
        for model, partners in partners_seen(self.user_manager).items():
            self.assertEqual(partners, before[model] - self.partner_b, model)
        for model, partners in partners_seen(cleared).items():
            self.assertEqual(partners, before[model], model)
        groups = self._group('eco.order.analysis', ['nbr'], ['partner_id'])
        self.assertEqual([g['partner_id'][0] for g in groups], self.partner_a.ids)
        self.partner_b.write({'eco_classification': 'secret'})
        for model, partners in partners_seen(cleared).items():
            self.assertEqual(partners, before[model] - self.partner_b, model)
        self.partner_b.write({'eco_allowed_user_ids': [(4, cleared.id)]})
        for model, partners in partners_seen(cleared).items():
            self.assertEqual(partners, before[model], model)

    def test_41_manager_reads_reports_and_menu(self):
        rows = self.env['eco.order.analysis'].sudo(self.user_manager).search(
            self.domain)
        self.assertEqual(rows.mapped('order_id'), (
            self.order_1 | self.order_2 | self.order_3 | self.order_4).sorted(
                lambda o: o.intake_received_date, reverse=True))
        menu = self.env.ref('eco_order.menu_eco_order_analysis')
        Menu = self.env['ir.ui.menu']
        self.assertIn(menu, Menu.sudo(self.user_manager).search([]))
        self.assertNotIn(menu, Menu.sudo(self.user_staff).search([]))


class TestDemandConcurrentReaders(TransactionCase):
    """The demand report's read path writes and locks nothing: two readers
    read it at the same time, in their own transactions, while a refresh
    holds its locks (advisory lock and EXCLUSIVE table lock); neither waits,
    neither gets a transaction id (no write) and neither holds more than
    ACCESS SHARE locks."""

    def _read(self, barrier, results, index):
        with api.Environment.manage(), self.registry.cursor() as cr:
            cr.execute("SET LOCAL lock_timeout = '5s'")
            env = api.Environment(cr, SUPERUSER_ID, {})
            Demand = env['eco.demand.analysis']
            groups = Demand.read_group(
                [], ['nbr', 'product_uom_qty', 'state'], ['state'])
            count = Demand.search_count([])
            barrier.wait(timeout=30)  # both readers are inside their transaction
            cr.execute("SELECT txid_current_if_assigned()")
            xid = cr.fetchone()[0]
            cr.execute("""
                SELECT DISTINCT locktype, mode FROM pg_locks
                WHERE pid = pg_backend_pid() AND granted
                  AND locktype IN ('relation', 'advisory')""")
            locks = sorted(cr.fetchall())
            barrier.wait(timeout=30)
            results[index] = (
                sorted((g['state'], g['nbr'], g['product_uom_qty']) for g in groups),
                count, xid, locks)

    def test_two_readers_at_once_during_a_refresh(self):
        with self.registry.cursor() as refresh:
            refresh.execute('SELECT pg_advisory_xact_lock(%s)', (REFRESH_LOCK_KEY,))
            refresh.execute(
                'LOCK TABLE eco_demand_analysis_data IN EXCLUSIVE MODE')
            barrier = threading.Barrier(2)
            results = [None, None]
            threads = [threading.Thread(target=self._read, args=(barrier, results, i))
                       for i in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
            refresh.rollback()
        self.assertTrue(all(results), 'a reader failed or waited: %s' % results)
        self.assertEqual(results[0][:2], results[1][:2])
        for groups, count, xid, locks in results:
            self.assertIsNone(xid)
            self.assertEqual({mode for _type, mode in locks}, {'AccessShareLock'})
            self.assertEqual(sum(g[1] for g in groups), count)

    def test_read_is_current_without_refresh(self):
        """An order changed after the last refresh shows at once (computed
        live), with nothing written by the read."""
        partner = self.env['res.partner'].create({'name': 'Concurrent Customer'})
        product = self.env['product.product'].create({'name': 'Sampler'})
        Demand = self.env['eco.demand.analysis']
        stamp = Demand._last_refresh()
        order = self.env['sale.order'].create({
            'partner_id': partner.id,
            'order_line': [(0, 0, {'product_id': product.id, 'name': 'Sampler',
                                   'product_uom_qty': 2, 'price_unit': 10.0})]})
        rows = Demand.search([('order_id', '=', order.id)])
        self.assertEqual(rows.mapped('product_uom_qty'), [2.0])
        self.assertLess(rows.id, 0)  # live row
        self.assertEqual(Demand._last_refresh(), stamp)
        self.env.cr.execute(
            "SELECT count(*) FROM eco_demand_analysis_data WHERE order_id = %s",
            (order.id,))
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        # stored by a refresh: still shown once
        Demand._refresh_data()
        self.env.cr.execute(
            "SELECT count(*) FROM eco_demand_analysis_data WHERE order_id = %s",
            (order.id,))
        self.assertEqual(self.env.cr.fetchone()[0], 1)
        rows = Demand.search([('order_id', '=', order.id)])
        self.assertEqual(rows.mapped('product_uom_qty'), [2.0])

    def test_scheduled_refresh_left_to_a_refresh_going_on(self):
        """While another transaction refreshes (holds the refresh lock), the
        scheduled refresh neither waits nor refreshes a second time."""
        Demand = self.env['eco.demand.analysis']
        with self.registry.cursor() as refresh:
            refresh.execute('SELECT pg_advisory_xact_lock(%s)', (REFRESH_LOCK_KEY,))
            # a refresh that waited for the lock would fail here instead of hanging
            self.env.cr.execute("SET LOCAL lock_timeout = '5s'")
            self.assertEqual(Demand._refresh_data_unless_running(), 0)
            refresh.rollback()
        self.env.cr.execute('SELECT pg_try_advisory_xact_lock(%s)', (REFRESH_LOCK_KEY,))
        self.assertTrue(self.env.cr.fetchone()[0], 'the lock is free for the next run')
