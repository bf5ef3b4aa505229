# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R3.2: overdue milestones are flagged and escalated (eco.deadline.mixin)."""
import logging
from unittest.mock import patch

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests.common import TransactionCase

from .alloc_common import EcoAllocationCase, dt

_logger = logging.getLogger(__name__)


class TestEscalation(EcoAllocationCase):

    @classmethod
    def setUpClass(cls):
        super(TestEscalation, cls).setUpClass()
        cls._rule('All', cls.lead_1)
        cls.env['ir.config_parameter'].sudo().set_param(
            'eco_order.escalation_grace_hours', '24')
        cls.activity_type = cls.env.ref('eco_order.mail_activity_type_eco_escalation')
        cls.Milestone = cls.env['eco.order.milestone']

    def _escalations(self, milestones, user=None):
        domain = [('res_model', '=', 'eco.order.milestone'),
                  ('res_id', 'in', milestones.ids),
                  ('activity_type_id', '=', self.activity_type.id)]
        if user:
            domain.append(('user_id', '=', user.id))
        return self.env['mail.activity'].search(domain)

    def _order_with_milestones(self):
        order = self._accepted_order(order_type_id=self.type_supply.id)
        return order, order.eco_milestone_ids.sorted('sequence')

    def test_level_1_then_level_2_never_twice(self):
        _order, ms = self._order_with_milestones()
        review = ms[0]
        self.assertEqual(review.user_id, self.lead_1)
        # on time: nothing to escalate
        self.assertEqual(self.Milestone._cron_eco_escalate_overdue(), 0)
        # one hour late: the responsible is notified (level 1)
        review.deadline = dt(-1)
        self.assertEqual(self.Milestone._cron_eco_escalate_overdue(), 1)
        self.assertEqual(review.escalation_level, 1)
        self.assertTrue(review.last_escalation_date)
        activities = self._escalations(review)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.lead_1)
        self.assertEqual(activities.summary,
                         'Milestone "Review done" of order %s is overdue'
                         % review.order_id.name)
        # run again: same level, nothing new
        self.assertEqual(self.Milestone._cron_eco_escalate_overdue(), 0)
        self.assertEqual(len(self._escalations(review)), 1)
        # the grace passed (grace shortened to half an hour instead of
        # waiting 24 hours): the team leader is notified (level 2)
        self.env['ir.config_parameter'].sudo().set_param(
            'eco_order.escalation_grace_hours', '0.5')
        self.assertEqual(self.Milestone._cron_eco_escalate_overdue(), 1)
        self.assertEqual(review.escalation_level, 2)
        self.assertEqual(len(self._escalations(review, self.team_leader)), 1)
        self.assertEqual(len(self._escalations(review)), 2)
        # and never again
        self.assertEqual(self.Milestone._cron_eco_escalate_overdue(), 0)
        self.assertEqual(self.Milestone._cron_eco_escalate_overdue(), 0)
        self.assertEqual(len(self._escalations(review)), 2)
        # a new deadline restarts the escalation
        review.deadline = dt(10)
        self.assertEqual(review.escalation_level, 0)
        self.assertEqual(self.Milestone._cron_eco_escalate_overdue(), 0)
        # a done milestone is not escalated
        ms[1].write({'deadline': dt(-30), 'date_done': dt(-1), 'state': 'done'})
        self.assertEqual(self.Milestone._cron_eco_escalate_overdue(), 0)

    def test_very_late_notifies_both_levels_once(self):
        _order, ms = self._order_with_milestones()
        ms[0].deadline = dt(-48)
        self.assertEqual(self.Milestone._cron_eco_escalate_overdue(), 1)
        self.assertEqual(ms[0].escalation_level, 2)
        self.assertEqual(len(self._escalations(ms[0], self.lead_1)), 1)
        self.assertEqual(len(self._escalations(ms[0], self.team_leader)), 1)
        self.assertEqual(self.Milestone._cron_eco_escalate_overdue(), 0)
        self.assertEqual(len(self._escalations(ms[0])), 2)

    def test_cron_record_runs_escalation(self):
        cron = self.env.ref('eco_order.ir_cron_eco_milestone_escalation')
        self.assertEqual(cron.interval_number, 15)
        self.assertEqual(cron.interval_type, 'minutes')
        _order, ms = self._order_with_milestones()
        ms[0].deadline = dt(-2)
        cron.method_direct_trigger()
        self.assertEqual(ms[0].escalation_level, 1)
        self.assertEqual(len(self._escalations(ms[0])), 1)

    def _overdue_milestones(self, size, hours_late):
        orders = self.env['sale.order']
        for _i in range(size):
            orders |= self.env['sale.order'].create({
                'partner_id': self.partner_a.id, 'team_id': self.team_projects.id})
        milestones = self.Milestone
        for order in orders:
            milestones |= self.Milestone.create({
                'order_id': order.id, 'name': 'Late', 'deadline': dt(-hours_late),
                'user_id': self.lead_1.id})
        milestones.invalidate_cache()
        return milestones

    def _count_queries(self, size, hours_late=30):
        """Queries of one escalation batch of ``size`` overdue milestones
        (30 hours late: both levels, two activities each)."""
        milestones = self._overdue_milestones(size, hours_late)
        cr = self.env.cr
        before = cr.sql_log_count
        done = self.Milestone._cron_eco_escalate_overdue(batch_size=1000)
        count = cr.sql_log_count - before
        self.assertEqual(done, size)
        self.assertEqual(milestones.mapped('escalation_level'),
                         [2 if hours_late > 24 else 1] * size)
        milestones.write({'date_done': dt(0)})
        return count

    def test_escalation_overhead_constant(self):
        """Selecting, locking, prefetching responsibles and managers and
        writing the levels take the same number of queries for 20 or 40
        records: only the activities (one create each in Odoo 11) add
        per-record queries."""
        created = []

        def fake_create(records, vals_list):
            created.extend(vals_list)

        with patch.object(type(self.Milestone), '_eco_create_activities',
                          new=fake_create):
            self._count_queries(2)
            q20 = self._count_queries(20)
            q40 = self._count_queries(40)
        self.assertEqual(len(created), 2 * (2 + 20 + 40))
        self.assertEqual(
            {v['user_id'] for v in created}, {self.lead_1.id, self.team_leader.id})
        _logger.info('escalation overhead without activities: 20 -> %s, 40 -> %s '
                     'queries', q20, q40)
        self.assertEqual(q20, q40)
        self.assertLessEqual(q40, 20)

    def test_batch_query_count_bounded(self):
        """With the real activities: a + b * N with a small b."""
        self._count_queries(2, hours_late=2)  # warm the ORM caches
        q20 = self._count_queries(20, hours_late=2)
        q40 = self._count_queries(40, hours_late=2)
        per_record = (q40 - q20) / 20.0
        fixed = q20 - 20 * per_record
        msg = 'queries: 20 -> %s, 40 -> %s' % (q20, q40)
        _logger.info('escalation with activities: %s (%.1f per record, %.0f fixed)',
                     msg, per_record, fixed)
        # one activity per record (level 1); mail.activity.create of 11.0
        # costs 35-50 queries (defaults, subscription, bus, recomputations)
        self.assertLessEqual(per_record, 60, msg)
        self.assertLessEqual(fixed, 60, msg)


@odoo.tests.common.at_install(False)
@odoo.tests.common.post_install(True)
class TestEscalationConcurrency(TransactionCase):
    """Two workers: a row locked by one is skipped by the other."""

    def _committed_milestones(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner = env['res.partner'].create({'name': 'Concurrency Customer'})
            order = env['sale.order'].create({'partner_id': partner.id})
            milestones = env['eco.order.milestone'].create({
                'order_id': order.id, 'name': 'Locked', 'deadline': dt(-3),
                'user_id': SUPERUSER_ID})
            milestones |= env['eco.order.milestone'].create({
                'order_id': order.id, 'name': 'Free', 'deadline': dt(-3),
                'user_id': SUPERUSER_ID})
            # the context manager commits
            return partner.id, order.id, milestones.ids

    def _cleanup(self, partner_id, order_id):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env['sale.order'].browse(order_id).unlink()
            env['res.partner'].browse(partner_id).unlink()

    def test_skip_locked(self):
        partner_id, order_id, (locked_id, free_id) = self._committed_milestones()
        try:
            with self.registry.cursor() as cr_lock:
                cr_lock.execute(
                    'SELECT id FROM eco_order_milestone WHERE id = %s FOR UPDATE',
                    (locked_id,))
                with self.registry.cursor() as cr_worker:
                    env = api.Environment(cr_worker, SUPERUSER_ID, {})
                    Milestone = env['eco.order.milestone']
                    done = Milestone._cron_eco_escalate_overdue()
                    cr_worker.execute(
                        'SELECT id, escalation_level FROM eco_order_milestone '
                        'WHERE id IN %s', ((locked_id, free_id),))
                    levels = dict(cr_worker.fetchall())
                    cr_worker.rollback()
                cr_lock.rollback()
            self.assertEqual(done, 1)
            self.assertEqual(levels, {locked_id: 0, free_id: 1})
        finally:
            self._cleanup(partner_id, order_id)
