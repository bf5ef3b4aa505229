# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, defect 10: the compliance tab is current when the order form
reads it (the orders whose inputs changed since their last check are
evaluated again), while list reads and the ORM's own reads evaluate nothing."""
from odoo.exceptions import AccessError

from .common import EcoOrderCase


class TestUxComplianceCurrent(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestUxComplianceCurrent, cls).setUpClass()
        cls.clause = cls.env.ref('eco_order.eco_compliance_clause_needs_routed')
        cls.order = cls._create_order(cls.partner_b)
        cls.other = cls._create_order(cls.partner_b)
        (cls.order | cls.other).action_eco_compliance_check()
        cls.department = cls.env['hr.department'].create({'name': 'Test Air'})

    def _result(self, order):
        return self.env['eco.compliance.line'].search([
            ('order_id', '=', order.id), ('clause_id', '=', self.clause.id)]).result

    def _add_need(self, order):
        need = self.env['eco.order.need'].create({
            'order_id': order.id,
            'partner_id': self.partner_b.id,
            'kind': 'standard',
            'description': 'Flue gas to GB 13223-2011',
            'department_id': self.department.id,
        })
        need.write({'state': 'new'})
        return need

    def _mark_checked(self, orders):
        """As if the orders were checked after every change of their inputs
        (in a test everything is written at the transaction's start)."""
        self.env.cr.execute(
            "UPDATE sale_order SET eco_compliance_date = now() AT TIME ZONE 'UTC' "
            "+ interval '1 hour', eco_compliance_due = NULL WHERE id IN %s",
            (tuple(orders.ids),))
        orders.invalidate_cache()

    def test_01_form_read_evaluates_changed_order(self):
        self.assertEqual(self._result(self.order), 'na')
        self._add_need(self.order)
        # the order list (no compliance lines read) evaluates nothing
        self.order.sudo(self.user_staff).search_read(
            [('id', 'in', (self.order | self.other).ids)], ['name', 'state'])
        self.assertEqual(self._result(self.order), 'na')
        # nor does the ORM's own read of the field (prefetch)
        self.order.invalidate_cache()
        self.assertTrue(self.order.sudo(self.user_staff).eco_compliance_line_ids)
        self.assertEqual(self._result(self.order), 'na')
        # the order form reads the tab: the lines are current
        data = self.order.sudo(self.user_staff).read(['eco_compliance_line_ids'])
        self.assertEqual(self._result(self.order), 'missing')
        lines = self.env['eco.compliance.line'].search(
            [('order_id', '=', self.order.id)])
        self.assertEqual(sorted(data[0]['eco_compliance_line_ids']), sorted(lines.ids))

    def test_02_unchanged_order_not_evaluated(self):
        self._add_need(self.order)
        self._mark_checked(self.order)
        self.assertEqual(self.order._eco_compliance_refresh_stale(), [])
        self.order.sudo(self.user_staff).read(['eco_compliance_line_ids'])
        self.assertEqual(self._result(self.order), 'na')
        # an input record changed after the check: pending again
        self.env.cr.execute(
            "UPDATE eco_order_need SET write_date = now() AT TIME ZONE 'UTC' "
            "+ interval '2 hours' WHERE order_id = %s", (self.order.id,))
        self.assertEqual(self.order._eco_compliance_refresh_stale(), self.order.ids)
        self.assertEqual(self._result(self.order), 'missing')

    def test_03_only_the_orders_read(self):
        self._add_need(self.order)
        self._add_need(self.other)
        self.other.sudo(self.user_staff).read(['eco_compliance_line_ids'])
        self.assertEqual(self._result(self.other), 'missing')
        self.assertEqual(self._result(self.order), 'na')

    def test_04_plain_user_refused(self):
        with self.assertRaises(AccessError):
            self.order.sudo(self.user_plain).read(['eco_compliance_line_ids'])
        self.assertEqual(self._result(self.order), 'na')
