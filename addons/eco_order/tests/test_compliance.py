# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Regulation compliance view: clause results per order (R2.1, R2.2, R2.3;
R3.2 acknowledgement and milestones, R9.2, R10.2, R10.3 on orders taken through
allocation, milestones, change requests and acceptance), regeneration by
button and cron, rates by clause, access."""
import base64
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError

from .alloc_common import EcoAllocationCase, dt
from .common import EcoOrderCase


class TestCompliance(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestCompliance, cls).setUpClass()
        cls.env['ir.config_parameter'].sudo().set_param(
            'eco_order.response_target_hours', '24')
        cls.clause = {
            key: cls.env.ref('eco_order.eco_compliance_clause_%s' % key)
            for key in ('intake_channel', 'intake_response', 'intake_review',
                        'needs_routed', 'ack_in_time', 'milestones_on_time',
                        'customer_informed', 'changes_consented',
                        'acceptance_signed')}
        # the clauses other add-ons register are not part of these exact counts
        # (removed in the test transaction: the cron also reads archived ones)
        cls.env['eco.compliance.clause'].with_context(active_test=False).search(
            [('id', 'not in', [c.id for c in cls.clause.values()])]).unlink()
        recent = fields.Datetime.to_string(datetime.utcnow() - timedelta(hours=1))
        # A: everything in order - answered after 2 h, accepted, then confirmed
        cls.order_a = cls._create_order(cls.partner_a)
        cls.order_a.write({
            'intake_received_date': '2025-03-01 08:00:00',
            'intake_first_response_date': '2025-03-01 10:00:00',
            'intake_state': 'accepted',
            'intake_accepted_date': '2025-03-01 12:00:00',
            'state': 'sale',
            'confirmation_date': '2025-03-02 08:00:00',
        })
        # B: receiver not recorded, answered after 30 h, confirmed unreviewed
        cls.order_b = cls._create_order(cls.partner_a)
        cls.order_b.write({
            'intake_received_date': '2025-03-01 08:00:00',
            'intake_received_by_id': False,
            'intake_first_response_date': '2025-03-02 14:00:00',
            'intake_state': 'review',
            'state': 'sale',
            'confirmation_date': '2025-03-03 08:00:00',
        })
        # C: never answered (long ago), quotation
        cls.order_c = cls._create_order(cls.partner_b)
        cls.order_c.write({'intake_received_date': '2025-03-01 08:00:00'})
        # D: received an hour ago, not answered yet; accepted after confirmation
        cls.order_d = cls._create_order(cls.partner_b)
        cls.order_d.write({
            'intake_received_date': recent,
            'intake_state': 'accepted',
            'intake_accepted_date': '2025-03-05 08:00:00',
            'state': 'sale',
            'confirmation_date': '2025-03-04 08:00:00',
        })
        cls.orders = cls.order_a | cls.order_b | cls.order_c | cls.order_d

    def _own(self, lines):
        """The lines of eco_order's clauses (other add-ons register theirs)."""
        return lines.filtered(lambda l: l.clause_id in self._own_clauses)

    @property
    def _own_clauses(self):
        return self.env['eco.compliance.clause'].with_context(
            active_test=False).search([]).filtered(
            lambda c: c.get_external_id()[c.id].startswith('eco_order.'))

    def _results(self, order, keys=None):
        lines = self.env['eco.compliance.line'].search([('order_id', '=', order.id)])
        return {line.clause_id.key: line.result for line in lines
                if keys is None or line.clause_id.key in keys}

    def test_01_intake_clauses_exact_results(self):
        self.orders.sudo(self.user_staff).action_eco_compliance_check()
        keys = ('intake_channel', 'intake_response', 'intake_review')
        self.assertEqual(self._results(self.order_a, keys), {
            'intake_channel': 'met', 'intake_response': 'met', 'intake_review': 'met'})
        self.assertEqual(self._results(self.order_b, keys), {
            'intake_channel': 'missing', 'intake_response': 'late',
            'intake_review': 'missing'})
        self.assertEqual(self._results(self.order_c, keys), {
            'intake_channel': 'met', 'intake_response': 'missing',
            'intake_review': 'na'})
        self.assertEqual(self._results(self.order_d, keys), {
            'intake_channel': 'met', 'intake_response': 'na', 'intake_review': 'late'})

    def test_02_notes_explain_results(self):
        self.orders.action_eco_compliance_check()
        Line = self.env['eco.compliance.line']
        note = Line.search([('order_id', '=', self.order_b.id),
                            ('clause_id', '=', self.clause['intake_response'].id)]).note
        self.assertEqual(note, 'First response after 30.0 h (target 24 h)')
        note = Line.search([('order_id', '=', self.order_b.id),
                            ('clause_id', '=', self.clause['intake_channel'].id)]).note
        self.assertEqual(note, 'Not recorded: received by')

    def test_03_one_line_per_clause_and_regeneration(self):
        self.order_b.action_eco_compliance_check()
        lines = self._own(self.order_b.eco_compliance_line_ids)
        self.assertEqual(len(lines), 9)
        self.assertEqual(self.order_b.eco_compliance_issue_count, 3)
        # the receiver is recorded, the target is raised to 48 h: re-check
        self.order_b.intake_received_by_id = self.user_staff
        self.env['ir.config_parameter'].sudo().set_param(
            'eco_order.response_target_hours', '48')
        self.order_b.action_eco_compliance_check()
        self.assertEqual(self.order_b.eco_compliance_line_ids, lines)
        self.assertEqual(
            self._results(self.order_b, ('intake_channel', 'intake_response')),
            {'intake_channel': 'met', 'intake_response': 'met'})
        self.order_b.invalidate_cache()
        self.assertEqual(self.order_b.eco_compliance_issue_count, 1)

    def test_04_needs_routed(self):
        department = self.env['hr.department'].create({'name': 'Test Remediation'})
        need = self.env['eco.order.need'].create({
            'order_id': self.order_c.id,
            'partner_id': self.partner_b.id,
            'kind': 'standard',
            'description': 'Soil remediation to GB 36600-2018',
            'department_id': department.id,
        })
        need.write({'state': 'new'})
        self.orders.action_eco_compliance_check()
        self.assertEqual(self._results(self.order_c, ('needs_routed',)),
                         {'needs_routed': 'missing'})
        self.assertEqual(self._results(self.order_a, ('needs_routed',)),
                         {'needs_routed': 'na'})
        need.write({'state': 'routed'})
        self.order_c.action_eco_compliance_check()
        self.assertEqual(self._results(self.order_c, ('needs_routed',)),
                         {'needs_routed': 'met'})

    def test_05_order_flow_clauses_not_applicable_before_allocation(self):
        self.orders.action_eco_compliance_check()
        keys = ('ack_in_time', 'milestones_on_time', 'customer_informed',
                'changes_consented', 'acceptance_signed')
        for order in self.orders:
            self.assertEqual(self._results(order, keys), dict.fromkeys(keys, 'na'))

    def test_06_rates_by_clause(self):
        self.orders.action_eco_compliance_check()
        groups = self.env['eco.compliance.analysis'].sudo(self.user_manager).read_group(
            [('order_id', 'in', self.orders.ids),
             ('clause_id', 'in', [self.clause[k].id for k in (
                 'intake_channel', 'intake_response', 'intake_review')])],
            ['rate', 'met_count', 'applicable_count', 'nbr', 'clause_id'],
            ['clause_id'])
        figures = {g['clause_id'][0]: (
            g['nbr'], g['applicable_count'], g['met_count'], round(g['rate'], 2))
            for g in groups}
        self.assertEqual(figures, {
            self.clause['intake_channel'].id: (4, 4, 3, 75.0),
            self.clause['intake_response'].id: (4, 3, 1, 33.33),
            self.clause['intake_review'].id: (4, 3, 1, 33.33),
        })

    def test_07_rates_by_team(self):
        team_b = self.env['crm.team'].create({'name': 'Test Team B'})
        (self.order_c | self.order_d).write({'team_id': team_b.id})
        self.orders.action_eco_compliance_check()
        groups = self.env['eco.compliance.analysis'].sudo(self.user_manager).read_group(
            [('order_id', 'in', self.orders.ids),
             ('clause_id', '=', self.clause['intake_review'].id),
             ('team_id', '=', team_b.id)],
            ['rate', 'applicable_count', 'team_id'], ['team_id'])
        # team B: C not applicable, D late -> 0 % of 1 applicable
        self.assertEqual([(g['applicable_count'], g['rate']) for g in groups],
                         [(1, 0.0)])

    def test_08_archived_clause_dropped(self):
        self.order_a.action_eco_compliance_check()
        self.clause['intake_review'].active = False
        self.order_a.action_eco_compliance_check()
        self.assertNotIn('intake_review', self._results(self.order_a))
        self.assertEqual(len(self._own(self.order_a.eco_compliance_line_ids)), 8)

    def test_09_cron_computes_and_drops_cancelled(self):
        self.env['sale.order']._cron_eco_compliance(batch_size=2)
        for order in self.orders:
            self.assertEqual(len(self._own(order.eco_compliance_line_ids)), 9)
        self.order_c.write({'state': 'cancel'})
        self.env['sale.order']._cron_eco_compliance(batch_size=2)
        self.order_c.invalidate_cache()
        self.assertFalse(self.order_c.eco_compliance_line_ids)
        self.assertEqual(self._results(self.order_a, ('intake_review',)),
                         {'intake_review': 'met'})

    def test_10_access(self):
        self.order_a.action_eco_compliance_check()
        Line = self.env['eco.compliance.line']
        line = Line.search([('order_id', '=', self.order_a.id)], limit=1)
        # staff read the results, nobody writes them by hand
        self.assertEqual(line.sudo(self.user_staff).result, line.result)
        with self.assertRaises(AccessError):
            line.sudo(self.user_staff).write({'result': 'missing'})
        with self.assertRaises(AccessError):
            line.sudo(self.user_manager).unlink()
        with self.assertRaises(AccessError):
            Line.sudo(self.user_manager).create({
                'order_id': self.order_b.id,
                'clause_id': self.clause['intake_channel'].id,
                'result': 'met', 'computed_date': fields.Datetime.now()})
        with self.assertRaises(AccessError):
            Line.sudo(self.user_plain).search([])
        with self.assertRaises(AccessError):
            self.order_a.sudo(self.user_plain).action_eco_compliance_check()
        self.assertEqual(line.result, 'met')
        # staff read the clauses, only managers change them
        clause = self.clause['intake_channel']
        with self.assertRaises(AccessError):
            clause.sudo(self.user_staff).write({'sequence': 99})
        clause.sudo(self.user_manager).write({'sequence': 99})
        self.assertEqual(clause.sequence, 99)


class TestComplianceOrderFlow(EcoAllocationCase):
    """R3.2, R9.2, R10.2, R10.3 evaluated on orders built with the real
    actions: allocation by rule, acknowledgement, milestones, change requests
    and acceptance."""

    @classmethod
    def setUpClass(cls):
        super(TestComplianceOrderFlow, cls).setUpClass()
        cls.env['ir.config_parameter'].sudo().set_param(
            'eco_order.ack_delay_hours', '4')
        cls._rule('All', cls.lead_1)
        cls.Request = cls.env['eco.order.change.request']

    def _check(self, orders, key):
        orders.sudo(self.user_staff).action_eco_compliance_check()
        clause = self.env.ref('eco_order.eco_compliance_clause_%s' % key)
        lines = self.env['eco.compliance.line'].search(
            [('order_id', 'in', orders.ids), ('clause_id', '=', clause.id)])
        return {line.order_id: (line.result, line.note) for line in lines}

    def _results(self, orders, key):
        return {order: result for order, (result, _note)
                in self._check(orders, key).items()}

    def _shift_allocation(self, order, hours):
        """Move the allocation (and its deadline) ``hours`` into the past."""
        order.write({
            'eco_allocation_date': dt(-hours, order.eco_allocation_date),
            'eco_ack_deadline': dt(-hours, order.eco_ack_deadline),
        })

    def _confirmed(self, **vals):
        order = self._accepted_order(**vals)
        order.action_confirm()
        return order

    # R3.2 acknowledgement ---------------------------------------------------
    def test_01_ack_in_time(self):
        met = self._accepted_order()
        late = self._accepted_order()
        missing = self._accepted_order()
        waiting = self._accepted_order()
        unallocated = self._create_order(self.partner_a)
        self.assertEqual(met.eco_ack_deadline, dt(4, met.eco_allocation_date))
        met.sudo(self.lead_1).action_eco_acknowledge()
        self._shift_allocation(late, 10)
        late.sudo(self.lead_1).action_eco_acknowledge()
        self._shift_allocation(missing, 5)
        orders = met | late | missing | waiting | unallocated
        self.assertEqual(self._results(orders, 'ack_in_time'), {
            met: 'met', late: 'late', missing: 'missing', waiting: 'na',
            unallocated: 'na'})
        notes = self._check(missing | unallocated, 'ack_in_time')
        self.assertEqual(notes[missing][1], 'Not acknowledged (target 4 h)')
        self.assertEqual(notes[unallocated][1], 'Not allocated yet')

    # R3.2 milestones ----------------------------------------------------------
    def test_02_milestones_on_time(self):
        on_time = self._accepted_order(order_type_id=self.type_monitoring.id)
        done_late = self._accepted_order(order_type_id=self.type_monitoring.id)
        overdue = self._accepted_order(order_type_id=self.type_monitoring.id)
        not_due = self._accepted_order(order_type_id=self.type_monitoring.id)
        without = self._accepted_order()
        self.assertEqual(len(on_time.eco_milestone_ids), 6)
        self.assertFalse(without.eco_milestone_ids)
        on_time.eco_milestone_ids.sorted('sequence')[0].sudo(
            self.lead_1).action_done()
        first = done_late.eco_milestone_ids.sorted('sequence')[0]
        first.write({'deadline': dt(-5)})
        first.sudo(self.lead_1).action_done()
        self.assertTrue(first.done_late)
        overdue.eco_milestone_ids.sorted('sequence')[:2].write({'deadline': dt(-1)})
        orders = on_time | done_late | overdue | not_due | without
        self.assertEqual(self._results(orders, 'milestones_on_time'), {
            on_time: 'met', done_late: 'late', overdue: 'late', not_due: 'na',
            without: 'na'})
        notes = self._check(overdue | without, 'milestones_on_time')
        self.assertEqual(notes[overdue][1], '2 of 2 milestones due were late')
        self.assertEqual(notes[without][1], 'No milestones')

    # R9.2 ---------------------------------------------------------------------
    def test_03_customer_informed(self):
        informed = self._accepted_order(order_type_id=self.type_monitoring.id)
        silent = self._accepted_order(order_type_id=self.type_monitoring.id)
        none_reached = self._accepted_order(order_type_id=self.type_monitoring.id)
        for order in (informed, silent, none_reached):
            milestones = order.eco_milestone_ids.sorted('sequence')
            self.assertFalse(milestones[0].notify_customer)
            self.assertTrue(milestones[2].notify_customer)
            milestones[0].sudo(self.lead_1).action_done()
        for order in (informed, silent):
            order.eco_milestone_ids.sorted('sequence')[2].sudo(
                self.lead_1).action_done()
        notified = informed.eco_milestone_ids.sorted('sequence')[2]
        self.assertTrue(notified.customer_notified_date)
        # the progress email of this one was not sent
        silent.eco_milestone_ids.sorted('sequence')[2].write(
            {'customer_notified_date': False})
        orders = informed | silent | none_reached
        self.assertEqual(self._results(orders, 'customer_informed'), {
            informed: 'met', silent: 'missing', none_reached: 'na'})
        self.assertEqual(self._check(silent, 'customer_informed')[silent][1],
                         'Customer not informed at 1 of 1 milestones')

    # R10.2 --------------------------------------------------------------------
    def _staff_request(self, order, **vals):
        values = {
            'order_id': order.id,
            'kind': 'delivery_date',
            'new_date': fields.Date.to_string(
                fields.Date.from_string(self.required_date) + timedelta(days=14)),
            'reason': 'Equipment arrives later from the factory',
        }
        values.update(vals)
        request = self.Request.sudo(self.user_staff).create(values)
        request.sudo(self.user_staff).action_submit()
        return request

    def test_04_changes_consented(self):
        by_customer = self._confirmed()
        by_staff = self._confirmed()
        unconsented = self._confirmed()
        bypassed = self._confirmed()
        pending = self._confirmed()
        without = self._confirmed()
        # staff proposal approved by the customer on the portal
        request = self._staff_request(by_customer)
        request.sudo()._eco_portal_decide(True, self.contact_a, self.user_portal_a)
        # customer proposal approved by staff
        request = self.Request.sudo()._eco_portal_propose(
            by_staff, self.contact_a, self.user_portal_a, 'delivery_method',
            'Our crane is not available, we collect', new_method='pickup')
        request.sudo(self.user_staff).action_approve()
        self.assertEqual(by_staff.eco_delivery_method, 'pickup')
        # staff proposal approved by staff in place of the customer
        request = self._staff_request(unconsented)
        request.sudo(self.user_staff)._eco_decide(True)
        self.assertEqual(request.state, 'approved')
        # consented change, then the date changed again without a request
        request = self._staff_request(bypassed)
        request.sudo()._eco_portal_decide(True, self.contact_a, self.user_portal_a)
        bypassed.with_context(eco_change_request_apply=True).write(
            {'eco_delivery_date': self.required_date})
        # proposal still awaiting the customer
        self._staff_request(pending)
        orders = by_customer | by_staff | unconsented | bypassed | pending | without
        self.assertEqual(self._results(orders, 'changes_consented'), {
            by_customer: 'met', by_staff: 'met', unconsented: 'missing',
            bypassed: 'missing', pending: 'na', without: 'na'})
        notes = self._check(orders, 'changes_consented')
        self.assertEqual(notes[unconsented][1],
                         "1 approved changes without the other party's consent")
        self.assertEqual(notes[bypassed][1],
                         'Delivery date changed without an approved change request')
        self.assertEqual(notes[by_staff][1], '1 approved changes consented')
        self.assertEqual(notes[without][1], 'No change requests')

    # R10.3 --------------------------------------------------------------------
    def _passed_acceptance(self, order):
        acceptance = self.env['eco.acceptance'].sudo(self.user_staff).create({
            'order_id': order.id, 'customer_representative': 'Alice Green'})
        self.assertTrue(acceptance.line_ids)
        acceptance.line_ids.write({'result': 'passed'})
        acceptance.sudo(self.user_staff).action_record_result()
        self.assertEqual(acceptance.state, 'passed')
        return acceptance

    def _ready(self, order):
        order.eco_delivery_check_ids.sudo(self.user_staff).write({'done': True})
        order.sudo(self.user_staff).action_eco_delivery_ready()

    def test_05_acceptance_signed(self):
        portal = self._confirmed()
        paper = self._confirmed()
        unsigned = self._confirmed()
        done = self._confirmed()
        running = self._confirmed()
        for order in (portal, paper, unsigned):
            self._ready(order)
        self._passed_acceptance(portal).sudo()._eco_portal_sign(
            'Alice Green', signature_text='Alice Green', ip='10.0.0.1')
        acceptance = self._passed_acceptance(paper)
        acceptance.write({'paper_document': base64.b64encode(b'%PDF-1.4 scan'),
                          'paper_document_name': 'signed.pdf'})
        acceptance.sudo(self.user_staff).action_sign_paper()
        # passed but not signed yet
        self._passed_acceptance(unsigned)
        done.action_done()
        self._passed_acceptance(running)
        orders = portal | paper | unsigned | done | running
        self.assertEqual(self._results(orders, 'acceptance_signed'), {
            portal: 'met', paper: 'met', unsigned: 'missing', done: 'missing',
            running: 'na'})
        self.assertEqual(
            self._check(unsigned, 'acceptance_signed')[unsigned][1],
            'Ready for delivery without a signed acceptance')
