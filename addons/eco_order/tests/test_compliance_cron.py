# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The compliance check at scale: incremental (changed orders, changed input
records, passed deadlines, changed clauses), batched with FOR UPDATE SKIP
LOCKED, a constant number of queries per batch; notes stored as data and read
in the reader's language."""
import json
import logging
from datetime import datetime, timedelta

from psycopg2 import sql

from odoo import fields

from .common import EcoOrderCase

_logger = logging.getLogger(__name__)


def dt(hours):
    return fields.Datetime.to_string(datetime.utcnow() + timedelta(hours=hours))


class TestComplianceCron(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestComplianceCron, cls).setUpClass()
        cls.Sale = cls.env['sale.order']
        # eco_order's own clauses: other add-ons' clauses are measured by their
        # own tests (removed in the test transaction only)
        Clause = cls.env['eco.compliance.clause'].with_context(active_test=False)
        clauses = Clause.search([])
        external = clauses.get_external_id()
        clauses.filtered(
            lambda c: not external.get(c.id, '').startswith('eco_order.')).unlink()
        cls.env['ir.config_parameter'].sudo().set_param(
            'eco_order.response_target_hours', '24')
        cls.department = cls.env['hr.department'].create({'name': 'Cron Lab'})
        orders = cls.Sale.browse()
        for index in range(24):
            order = cls._create_order(cls.partner_a if index % 2 else cls.partner_b)
            order.write({'intake_received_date': dt(-2),
                         'intake_first_response_date': dt(-1)})
            cls.env['eco.order.need'].create({
                'partner_id': order.partner_id.id, 'order_id': order.id,
                'description': 'Need %s' % index,
                'department_id': cls.department.id})
            cls.env['eco.order.milestone'].create({
                'order_id': order.id, 'name': 'Sampling', 'deadline': dt(48)})
            orders |= order
        cls.orders = orders

    def _age(self):
        """Date every change a day back: as if the checks came after the
        changes, in a later transaction (in the test's single transaction, a
        change is as recent as a check, which counts as changed)."""
        tables = ['sale_order'] + self.Sale._eco_compliance_input_tables()
        for table in tables:
            query = sql.SQL(
                "UPDATE {} SET write_date = write_date - interval '1 day'"
            ).format(sql.Identifier(table))
            self.env.cr.execute(query.as_string(self.env.cr._obj))
        self.env.cache.invalidate()

    def _cron(self, **kw):
        return self.Sale._cron_eco_compliance(**kw)

    def _checked_ids(self, orders):
        self.env.cr.execute(
            "SELECT id FROM sale_order WHERE id IN %s AND eco_compliance_date "
            "IS NOT NULL", (tuple(orders.ids),))
        return {row[0] for row in self.env.cr.fetchall()}

    def test_01_incremental(self):
        self.assertGreaterEqual(self._cron(), len(self.orders))
        self.assertEqual(self._checked_ids(self.orders), set(self.orders.ids))
        self._age()
        self.assertEqual(self._cron(), 0)
        # a changed order
        first, second, third = self.orders[:3]
        first.write({'intake_first_response_date': False})
        # a changed input record (a need)
        self.env['eco.order.need'].search([('order_id', '=', second.id)]).write(
            {'description': 'Two sampling points, not one'})
        # a deadline that passed (the milestone's, moved by SQL: no write)
        self.env.cr.execute(
            "UPDATE sale_order SET eco_compliance_due = %s WHERE id = %s",
            (dt(-1), third.id))
        self.assertEqual(self._cron(), 3)
        self._age()
        self.assertEqual(self._cron(), 0)
        # the deadline of the first order's response is recorded
        self.env.cr.execute(
            "SELECT eco_compliance_due FROM sale_order WHERE id = %s", (first.id,))
        self.assertTrue(self.env.cr.fetchone()[0])
        # a changed clause: every order checked before the change again
        Sale = self.Sale.sudo()
        later = '2099-01-01 00:00:00'
        reset = Sale._eco_compliance_check_signature(later)
        self.assertLess(reset, later)
        self.env.ref('eco_order.eco_compliance_clause_intake_review').write(
            {'sequence': 31})
        self.assertEqual(Sale._eco_compliance_check_signature(later), later)
        self.assertEqual(Sale._eco_compliance_check_signature(
            '2099-02-01 00:00:00'), later)
        now = fields.Datetime.now()
        pending = Sale.with_context(
            eco_compliance_reset=later)._eco_compliance_pending_ids(now)
        self.assertEqual(set(self.orders.ids) - set(pending), set())

    def test_02_max_batches_leaves_the_rest_for_the_next_run(self):
        self._cron()
        self._age()
        self.env.cr.execute(
            "UPDATE sale_order SET eco_compliance_date = NULL WHERE id IN %s",
            (tuple(self.orders.ids),))
        self.assertEqual(self._cron(batch_size=10, max_batches=2), 20)
        self.assertEqual(self._cron(batch_size=10), 4)
        self.assertEqual(self._cron(batch_size=10), 0)

    def test_03_locked_orders_are_skipped(self):
        """Two workers: orders locked by the other are skipped, not waited
        for (FOR UPDATE SKIP LOCKED)."""
        # committed orders (the other transaction must see them)
        demo = self.Sale.search([('state', '!=', 'cancel')], limit=2, order='id')
        self.assertEqual(len(demo), 2)
        now = fields.Datetime.now()
        stamp = self.Sale._eco_compliance_read_stamp()
        with self.registry.cursor() as other:
            other.execute("SET LOCAL lock_timeout = '5s'")
            other.execute("SELECT id FROM sale_order WHERE id = %s FOR UPDATE",
                          (demo[0].id,))
            self.env.cr.execute("SET LOCAL lock_timeout = '5s'")
            done = self.Sale.sudo()._eco_compliance_batch(demo.ids, now, stamp)
            other.rollback()
        self.assertEqual(done, 1)
        self.assertEqual(self._checked_ids(demo) & set(demo.ids), {demo[1].id})

    def _batch_queries(self, orders):
        self.env.cr.execute(
            "UPDATE sale_order SET eco_compliance_date = NULL WHERE id IN %s",
            (tuple(orders.ids),))
        self.env.cache.invalidate()
        now = fields.Datetime.now()
        stamp = self.Sale._eco_compliance_read_stamp()
        cr = self.env.cr
        before = cr.sql_log_count
        done = self.Sale.sudo()._eco_compliance_batch(orders.ids, now, stamp)
        count = cr.sql_log_count - before
        self.assertEqual(done, len(orders))
        return count

    def test_04_constant_queries_per_batch(self):
        """A batch costs the same number of queries for 5 and 10 orders (new
        lines), and again when the lines exist and some change."""
        self._batch_queries(self.orders[:2])  # warm the ORM caches
        q5 = self._batch_queries(self.orders[2:7])
        q10 = self._batch_queries(self.orders[7:17])
        _logger.info('compliance batch: 5 -> %s, 10 -> %s queries', q5, q10)
        # equal up to one cache warm-up query (ormcache); the old per-order
        # prefetch cost 3 queries per order (41 vs 56)
        self.assertLessEqual(abs(q10 - q5), 1)
        self.assertLessEqual(q10, 120)
        # second pass: lines exist, one result changes in each order
        (self.orders[2:17]).write({'intake_first_response_date': False})
        r5 = self._batch_queries(self.orders[2:7])
        r10 = self._batch_queries(self.orders[7:17])
        self.assertLessEqual(abs(r10 - r5), 1)

    def test_05_notes_in_the_readers_language(self):
        order = self.orders[0]
        self.env['res.lang'].load_lang('zh_CN')
        Translation = self.env['ir.translation']
        Translation.create({
            'type': 'code', 'lang': 'zh_CN', 'module': 'eco_order',
            'name': 'addons/eco_order/models/sale_order_compliance.py',
            'src': '%d needs routed', 'value': '已分派 %d 项需求',
            'state': 'translated'})
        # computed by a zh_CN user, stored as data
        order.sudo(self.user_staff).with_context(
            lang='zh_CN').action_eco_compliance_check()
        clause = self.env.ref('eco_order.eco_compliance_clause_needs_routed')
        line = self.env['eco.compliance.line'].search(
            [('order_id', '=', order.id), ('clause_id', '=', clause.id)])
        self.assertEqual(json.loads(line.note_data), ['%d needs routed', [1]])
        self.assertEqual(line.with_context(lang='en_US').note, '1 needs routed')
        self.assertEqual(line.with_context(lang='zh_CN').note, '已分派 1 项需求')
        # an English user sees English whoever computed it
        self.assertEqual(line.sudo(self.user_staff).with_context(lang='en_US').note,
                         '1 needs routed')
        channel = self.env.ref('eco_order.eco_compliance_clause_intake_channel')
        line = self.env['eco.compliance.line'].search(
            [('order_id', '=', order.id), ('clause_id', '=', channel.id)])
        self.assertEqual(line.with_context(lang='en_US').note,
                         'Phone, received by %s' % order.intake_received_by_id.name)
