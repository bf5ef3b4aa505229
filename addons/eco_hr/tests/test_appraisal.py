# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Appraisal from order data (R4.2): KPIs equal to a hand computation on a
small known set of orders, weights, ranking, workflow, outcomes, access."""
import tempfile
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tools import config, mute_logger

from .common import EcoHrCase


class TestAppraisal(EcoHrCase):

    @classmethod
    def setUpClass(cls):
        super(TestAppraisal, cls).setUpClass()
        cls.period = cls.env['eco.appraisal.period'].create({
            'name': '2025 Q1 (test)', 'date_from': '2025-01-01',
            'date_to': '2025-03-31'})
        # Li: 4 orders, 1 with a rectification; acknowledgements 3 in time,
        # 1 late; milestones 1 on time, 1 late
        li = [cls._order(cls.user_li, '2025-02-0%d 08:00:00' % (i + 1),
                         late_ack=(i == 3)) for i in range(4)]
        cls.env['eco.rectification'].create({'name': 'Leaking flange',
                                             'order_id': li[0].id})
        cls._milestone(li[1], cls.user_li, '2025-02-20 10:00:00',
                       '2025-02-19 10:00:00')
        cls._milestone(li[2], cls.user_li, '2025-02-20 10:00:00',
                       '2025-02-22 10:00:00')
        # Zhang: 2 orders without rework, acknowledged in time, 1 milestone
        # on time
        zhang = [cls._order(cls.user_zhang, '2025-03-0%d 08:00:00' % (i + 1))
                 for i in range(2)]
        cls._milestone(zhang[0], cls.user_zhang, '2025-03-20 10:00:00',
                       '2025-03-20 09:00:00')
        # Chen (other department): 1 order with rework, acknowledged late
        chen = cls._order(cls.user_chen, '2025-01-10 08:00:00', late_ack=True)
        cls.env['eco.rectification'].create({'name': 'Wrong sensor',
                                             'order_id': chen.id})
        # outside the period or cancelled: ignored
        cls._order(cls.user_li, '2025-04-02 08:00:00')
        cls._order(cls.user_li, '2025-02-10 08:00:00').write({'state': 'cancel'})

    @classmethod
    def _order(cls, user, allocated, late_ack=False):
        order = cls._create_order(cls.partner_a)
        ack = '2025-12-31 00:00:00' if late_ack else allocated
        order.write({'eco_project_lead_id': user.id, 'intake_state': 'accepted',
                     'eco_allocation_date': allocated, 'eco_ack_state': 'done',
                     'eco_ack_deadline': allocated.replace('08:00', '12:00'),
                     'eco_ack_date': ack})
        return order

    @classmethod
    def _milestone(cls, order, user, deadline, done):
        return cls.env['eco.order.milestone'].create({
            'order_id': order.id, 'name': 'Installation', 'user_id': user.id,
            'deadline': deadline, 'state': 'done', 'date_done': done})

    def _appraisal(self, employee):
        return self.period.appraisal_ids.filtered(lambda a: a.employee_id == employee)

    def test_01_kpis_weights_rank(self):
        self.period.action_compute()
        self.assertEqual(self.period.state, 'computed')
        self.assertEqual(self.period.appraisal_ids.mapped('employee_id'),
                         self.emp_li | self.emp_zhang | self.emp_chen)
        li = self._appraisal(self.emp_li)
        self.assertEqual(
            (li.order_count, li.rework_count, li.ack_due, li.ack_on_time,
             li.milestone_due, li.milestone_on_time),
            (4, 1, 4, 3, 2, 1))
        self.assertEqual(li.accuracy, 75.0)           # 3 / 4
        self.assertEqual(li.timeliness, 66.67)        # (1 + 3) / (2 + 4)
        self.assertEqual(li.has_satisfaction, False)
        self.assertEqual(li.score, 70.83)             # (75*40 + 66.67*40) / 80
        zhang = self._appraisal(self.emp_zhang)
        self.assertEqual((zhang.accuracy, zhang.timeliness, zhang.score),
                         (100.0, 100.0, 100.0))
        chen = self._appraisal(self.emp_chen)
        self.assertEqual((chen.order_count, chen.accuracy, chen.timeliness, chen.score),
                         (1, 0.0, 0.0, 0.0))
        self.assertEqual((zhang.rank, li.rank, chen.rank), (1, 2, 1))
        self.assertEqual(li.department_id, self.dept_water)
        # drill-down to the orders the figures came from
        self.assertEqual(
            self.env['sale.order'].search_count(li.action_view_orders()['domain']), 4)
        self.assertEqual(
            self.env['sale.order'].search_count(
                li.action_view_rework_orders()['domain']), 1)
        self.assertEqual(
            self.env['eco.order.milestone'].search_count(
                li.action_view_milestones()['domain']), 2)
        # the satisfaction contract is empty here; a provider's scores weigh in
        self.assertEqual(self.env['eco.appraisal.period']._eco_satisfaction_scores(
            self.emp_li, self.period), {})
        Period = type(self.env['eco.appraisal.period'])
        scores = {self.emp_li.id: 50.0}
        with patch.object(Period, '_eco_satisfaction_scores',
                          lambda model, employees, period: scores):
            self.period.action_compute()
        self.assertEqual((li.has_satisfaction, li.satisfaction), (True, 50.0))
        # (75*40 + 66.67*40 + 50*20) / 100
        self.assertEqual(li.score, 66.67)
        # other weights
        self.period.write({'weight_accuracy': 10.0, 'weight_timeliness': 30.0})
        self.period.action_compute()
        self.assertEqual(li.score, 68.75)             # (75*10 + 66.67*30) / 40

    def test_02_workflow_and_outcomes(self):
        self.period.action_compute()
        li = self._appraisal(self.emp_li)
        zhang = self._appraisal(self.emp_zhang)
        chen = self._appraisal(self.emp_chen)
        # the employee cannot review his own appraisal, nor another manager
        for user in (self.user_li, self.user_zhou):
            with self.assertRaises(AccessError):
                li.sudo(user).action_review()
        # an adjustment needs a reason, figures cannot be typed in
        li.sudo(self.user_wang).write({'adjustment': 35.0,
                                       'manager_comment': 'Hard customers'})
        with self.assertRaises(UserError):
            li.sudo(self.user_wang).action_review()
        self.assertEqual(li.state, 'computed')
        with self.assertRaises(AccessError):
            li.sudo(self.user_wang).write({'accuracy': 100.0})
        li.sudo(self.user_wang).write({'adjustment_reason': 'Took over two hard '
                                                            'projects'})
        li.sudo(self.user_wang).action_review()
        self.assertEqual((li.state, li.final_score), ('reviewed', 105.83))
        self.assertEqual((li.rank, zhang.rank), (1, 2))
        self.assertEqual(len(self._activities(li, self.user_li)), 1)
        with self.assertRaises(AccessError):
            li.sudo(self.user_zhang).action_acknowledge()
        with self.assertRaises(UserError):
            li.sudo(self.user_wang).action_done()
        li.sudo(self.user_li).action_acknowledge()
        self.assertEqual(li.state, 'acknowledged')
        with self.assertRaises(AccessError):
            li.sudo(self.user_li).action_done()
        li.sudo(self.user_wang).action_done()
        self.assertEqual(li.state, 'done')
        self.assertEqual(li.reward_ids.kind, 'honour')
        self.assertEqual(li.reward_ids.state, 'proposed')
        self.assertFalse(li.plan_ids)
        # the weakest: an improvement plan with the manager as coach
        for appraisal, manager in ((zhang, self.user_wang), (chen, self.user_zhou)):
            appraisal.sudo(manager).action_review()
            appraisal.sudo(appraisal.employee_user_id).action_acknowledge()
            appraisal.sudo(manager).action_done()
        self.assertFalse(zhang.reward_ids)            # rank 2
        self.assertEqual(chen.plan_ids.coach_id, self.emp_zhou)
        plan = chen.plan_ids
        self.assertEqual(len(self._activities(plan, self.user_zhou)), 1)
        with self.assertRaises(UserError):
            plan.sudo(self.user_zhou).action_close()
        plan.sudo(self.user_zhou).write({'result': 'improved'})
        with self.assertRaises(AccessError):
            plan.sudo(self.user_chen).action_close()
        plan.sudo(self.user_zhou).action_close()
        self.assertEqual(plan.state, 'closed')
        self.period.action_close()
        self.assertEqual(self.period.state, 'done')
        with self.assertRaises(UserError):
            self.period.action_compute()

    @mute_logger('odoo.models')
    def test_03_access(self):
        self.period.action_compute()
        Appraisal = self.env['eco.appraisal']
        all_ = self.period.appraisal_ids
        li = self._appraisal(self.emp_li)
        self.assertEqual(Appraisal.sudo(self.user_li).search([]), li)
        self.assertEqual(Appraisal.sudo(self.user_wang).search([]),
                         li | self._appraisal(self.emp_zhang))
        self.assertEqual(Appraisal.sudo(self.user_zhou).search([]),
                         self._appraisal(self.emp_chen))
        self.assertEqual(Appraisal.sudo(self.user_officer).search(
            [('period_id', '=', self.period.id)]), all_)
        with self.assertRaises(AccessError):
            self._appraisal(self.emp_zhang).sudo(self.user_li).read(['score'])
        with self.assertRaises(AccessError):
            li.sudo(self.user_zhou).read(['score'])
        with self.assertRaises(AccessError):
            li.sudo(self.user_li).write({'manager_comment': 'Great!'})
        with self.assertRaises(AccessError):
            self.period.sudo(self.user_wang).write({'name': 'X'})

    def test_04_honour_certificate_pdf(self):
        reward = self.env['eco.reward'].create({
            'employee_id': self.emp_li.id, 'kind': 'honour',
            'name': 'Best project lead 2025 Q1', 'certificate_lang': 'en_US'})
        with self.assertRaises(UserError):
            reward.action_print_certificate()
        reward.sudo(self.user_wang).action_approve()
        self.assertEqual(reward.action_print_certificate()['report_name'],
                         'eco_hr.report_eco_honour_certificate')
        report = self.env.ref('eco_hr.eco_reward_report_honour')
        html = report.render_qweb_html(reward.ids)[0]
        html = html.decode() if isinstance(html, bytes) else html
        self.assertIn('Certificate of Honour', html)
        self.assertIn('Li Staff', html)
        self.assertIn('Best project lead 2025 Q1', html)
        # the Chinese certificate
        self.env['res.lang'].load_lang('zh_CN')
        self.env['ir.translation'].load_module_terms(['eco_hr'], ['zh_CN'])
        reward.certificate_lang = 'zh_CN'
        html = report.render_qweb_html(reward.ids)[0]
        html = html.decode() if isinstance(html, bytes) else html
        self.assertIn('荣誉证书', html)
        previous = config['test_report_directory']
        with tempfile.TemporaryDirectory() as directory:
            config['test_report_directory'] = directory
            try:
                pdf = report.render_qweb_pdf(reward.ids)[0]
            finally:
                config['test_report_directory'] = previous
        self.assertTrue(pdf.startswith(b'%PDF'))
        self.assertGreater(len(pdf), 1000)
