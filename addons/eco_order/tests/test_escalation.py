# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R3.2: overdue milestones are flagged and escalated (eco.deadline.mixin)."""
import logging
from datetime import timedelta

import odoo
from odoo import SUPERUSER_ID, api, fields
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
        # the counts below are of this test's milestones: overdue ones of the
        # demo data count as escalated already (rolled back with the class)
        cls.env.cr.execute(
            'UPDATE eco_order_milestone SET escalation_level = 2 '
            'WHERE date_done IS NULL')
        cls.Milestone.invalidate_cache(['escalation_level'])

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

    def test_batch_query_count_constant(self):
        """One batch costs the same number of queries for 20 or 40 overdue
        milestones, with the real activities (created in bulk), at level 1
        and with both levels at once."""
        for hours_late in (2, 30):
            self._count_queries(2, hours_late)  # warm the ORM caches
            q20 = self._count_queries(20, hours_late)
            q40 = self._count_queries(40, hours_late)
            _logger.info('escalation batch (%s h late): 20 -> %s, 40 -> %s queries',
                         hours_late, q20, q40)
            self.assertEqual(q20, q40)
            self.assertLessEqual(q40, 60)

    def test_bulk_activities_as_create_makes_them(self):
        """The bulk activities carry what ``mail.activity.create`` would
        set: document model and name, type, summary, assignee, due date,
        creator; the assignee follows the document (once, with the default
        subtypes) and is told on the bus."""
        milestones = self._overdue_milestones(3, 2)
        # the lead already follows the first milestone: not subscribed twice
        milestones[0].message_subscribe(partner_ids=self.lead_1.partner_id.ids)
        bus_before = self.env['bus.bus'].search_count([])
        self.assertEqual(self.Milestone._cron_eco_escalate_overdue(), 3)
        today = odoo.fields.Date.context_today(self.Milestone)
        model_id = self.env['ir.model']._get('eco.order.milestone').id
        for milestone in milestones:
            activity = self._escalations(milestone)
            self.assertEqual(len(activity), 1)
            self.assertEqual(
                (activity.res_model, activity.res_model_id.id, activity.res_id,
                 activity.res_name, activity.user_id, activity.date_deadline,
                 activity.create_uid.id, activity.state),
                ('eco.order.milestone', model_id, milestone.id,
                 milestone.display_name, self.lead_1, today, self.env.uid, 'today'))
            self.assertEqual(
                activity.summary,
                'Milestone "Late" of order %s is overdue' % milestone.order_id.name)
            self.assertEqual(milestone.activity_ids, activity)
            self.assertEqual(milestone.activity_state, 'today')
            followers = milestone.message_follower_ids.filtered(
                lambda f: f.partner_id == self.lead_1.partner_id)
            self.assertEqual(len(followers), 1)
            self.assertEqual(
                followers.subtype_ids,
                self.env['mail.message.subtype'].default_subtypes(
                    'eco.order.milestone')[0])
        # one notification for the one assignee, not one per activity
        self.assertEqual(self.env['bus.bus'].search_count([]) - bus_before, 1)
        # marking one done works as for any activity
        self._escalations(milestones[0]).action_feedback(feedback='Handled')
        self.assertEqual(len(self._escalations(milestones[0])), 0)
        self.assertEqual(milestones[0].message_ids[0].mail_activity_type_id,
                         self.activity_type)

    def test_bulk_activities_empty(self):
        self.assertEqual(
            self.env['mail.activity']._eco_create_bulk([]),
            self.env['mail.activity'])


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
                    # overdue milestones of the demo data are escalated too
                    now = fields.Datetime.now()
                    grace = fields.Datetime.to_string(
                        fields.Datetime.from_string(now)
                        - timedelta(hours=Milestone._eco_deadline_grace_hours()))
                    due = Milestone.search_count(
                        Milestone._eco_escalation_domain(now, grace))
                    done = Milestone._cron_eco_escalate_overdue()
                    cr_worker.execute(
                        'SELECT id, escalation_level FROM eco_order_milestone '
                        'WHERE id IN %s', ((locked_id, free_id),))
                    levels = dict(cr_worker.fetchall())
                    cr_worker.rollback()
                cr_lock.rollback()
            # every due milestone but the locked one
            self.assertEqual(done, due - 1)
            self.assertEqual(levels, {locked_id: 0, free_id: 1})
        finally:
            self._cleanup(partner_id, order_id)
