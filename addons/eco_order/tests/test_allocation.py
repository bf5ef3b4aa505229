# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R3.1: accepted orders are allocated by type, area, capability and load."""
from odoo.exceptions import AccessError

from .alloc_common import EcoAllocationCase, dt


class TestAllocation(EcoAllocationCase):

    def test_allocation_by_order_type(self):
        self._rule('Supply', self.lead_1, sequence=10,
                   order_type_id=self.type_supply.id)
        self._rule('Monitoring', self.lead_2, sequence=20,
                   order_type_id=self.type_monitoring.id)
        order = self._accepted_order(order_type_id=self.type_monitoring.id)
        self.assertEqual(order.eco_project_lead_id, self.lead_2)
        self.assertEqual(order.eco_allocation_rule_id.name, 'Monitoring')
        self.assertEqual(order.team_id, self.team_projects)
        self.assertEqual(order.eco_ack_state, 'pending')

    def test_acceptance_and_allocation_one_tracked_entry(self):
        """Acceptance and allocation are one write: one chatter entry tracks the
        intake state and the project lead, authored by the staff who accepted."""
        self._rule('All', self.lead_1)
        order = self._create_order(self.partner_a)
        order.sudo(self.user_staff).action_intake_review()
        before = order.message_ids
        order.sudo(self.user_staff).action_intake_accept()
        tracked = (order.message_ids - before).filtered('tracking_value_ids')
        self.assertEqual(len(tracked), 1)
        # partner and total are Odoo's track_visibility='always' fields
        self.assertEqual(
            set(tracked.tracking_value_ids.mapped('field')),
            {'intake_state', 'eco_project_lead_id', 'team_id', 'eco_ack_state',
             'eco_allocation_state', 'partner_id', 'amount_total'})
        self.assertEqual(tracked.author_id, self.user_staff.partner_id)
        self.assertEqual(order.intake_state, 'accepted')
        self.assertEqual(order.eco_project_lead_id, self.lead_1)

    def test_acceptance_checks_write_access(self):
        """The allocation is written as the superuser only after checking the user
        may write the order: a portal user's acceptance changes nothing."""
        self._rule('All', self.lead_1)
        order = self._create_order(self.partner_a)
        order.sudo(self.user_staff).action_intake_review()
        portal = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Portal Alloc', 'login': 'portal_alloc_test',
            'partner_id': self.partner_a.id,
            'groups_id': [(6, 0, [self.env.ref('base.group_portal').id])]})
        with self.assertRaises(AccessError):
            order.sudo(portal).action_intake_accept()
        self.assertEqual(order.intake_state, 'review')
        self.assertFalse(order.eco_project_lead_id)

    def test_allocation_by_business_area(self):
        self._rule('Water', self.lead_1, sequence=10,
                   business_area_id=self.area_water.id)
        self._rule('Air', self.lead_3, sequence=20, business_area_id=self.area_air.id)
        order = self._accepted_order(business_area_id=self.area_air.id)
        self.assertEqual(order.eco_project_lead_id, self.lead_3)
        order_water = self._accepted_order(business_area_id=self.area_water.id)
        self.assertEqual(order_water.eco_project_lead_id, self.lead_1)

    def test_allocation_by_skill(self):
        """A rule whose candidates lack a required capability does not match."""
        self.lead_2.eco_skill_ids = [(6, 0, self.skill_air.ids)]
        self._rule('General', self.lead_1, sequence=10)
        self._rule('Air specialists', self.lead_2, sequence=20)
        order = self._accepted_order(
            eco_required_skill_ids=[(6, 0, self.skill_air.ids)])
        self.assertEqual(order.eco_project_lead_id, self.lead_2)
        self.assertEqual(order.eco_allocation_rule_id.name, 'Air specialists')
        # the rule's own required capabilities filter its candidates too
        rule = self._rule('Wastewater', self.lead_1 | self.lead_2, sequence=1,
                          skill_ids=[(6, 0, self.skill_wastewater.ids)])
        self.lead_1.eco_skill_ids = [(6, 0, self.skill_wastewater.ids)]
        order_2 = self._accepted_order()
        self.assertEqual(order_2.eco_allocation_rule_id, rule)
        self.assertEqual(order_2.eco_project_lead_id, self.lead_1)

    def test_least_loaded_candidate(self):
        self._open_orders(self.lead_1, 2)
        self._open_orders(self.lead_2, 1)
        self._open_orders(self.lead_3, 3)
        self._rule('All', self.lead_1 | self.lead_2 | self.lead_3)
        loads = self.env['sale.order']._eco_lead_loads(
            (self.lead_1 | self.lead_2 | self.lead_3).ids)
        self.assertEqual(loads, {self.lead_1.id: 2, self.lead_2.id: 1,
                                 self.lead_3.id: 3})
        first = self._accepted_order()
        self.assertEqual(first.eco_project_lead_id, self.lead_2)
        # now lead_1 and lead_2 both have 2: the lower id wins the tie
        second = self._accepted_order()
        self.assertEqual(second.eco_project_lead_id, min(
            self.lead_1, self.lead_2, key=lambda u: u.id))

    def test_cap_respected(self):
        self.lead_1.eco_order_cap = 1
        self._open_orders(self.lead_1, 1)
        self._open_orders(self.lead_2, 3)
        self._rule('Capped', self.lead_1 | self.lead_2)
        order = self._accepted_order()
        self.assertEqual(order.eco_project_lead_id, self.lead_2)
        # a rule where every candidate is at his cap does not match
        self.lead_2.eco_order_cap = 4
        order_2 = self._accepted_order()
        self.assertFalse(order_2.eco_project_lead_id)
        self.assertEqual(order_2.team_id, self.team_default)

    def test_no_match_default_team_and_manager_activity(self):
        self._rule('Supply only', self.lead_1, order_type_id=self.type_supply.id)
        order = self._accepted_order(order_type_id=self.type_monitoring.id)
        self.assertFalse(order.eco_project_lead_id)
        self.assertFalse(order.eco_allocation_rule_id)
        self.assertEqual(order.team_id, self.team_default)
        self.assertEqual(order.eco_ack_state, 'none')
        activities = self._activities(order, self.user_manager)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.summary, 'Allocate order %s by hand' % order.name)
        self.assertEqual(order.eco_progress_stage, 'allocation')

    def test_manual_reassign_tracked(self):
        self._rule('All', self.lead_1)
        order = self._accepted_order(order_type_id=self.type_supply.id)
        self.assertEqual(order.eco_project_lead_id, self.lead_1)
        milestones = order.eco_milestone_ids.filtered(
            lambda m: m.responsible_role == 'project_lead')
        self.assertTrue(milestones)
        # staff may not re-assign
        with self.assertRaises(AccessError):
            order.sudo(self.user_staff).write({'eco_project_lead_id': self.lead_2.id})
        with self.assertRaises(AccessError):
            self.env['eco.order.reassign'].sudo(self.user_staff).create({
                'order_id': order.id, 'project_lead_id': self.lead_2.id,
                'reason': 'x'}).action_apply()
        self.assertEqual(order.eco_project_lead_id, self.lead_1)
        wizard = self.env['eco.order.reassign'].sudo(self.user_manager).with_context(
            default_order_id=order.id).create({
                'project_lead_id': self.lead_2.id, 'reason': 'Lee One on leave'})
        wizard.action_apply()
        self.assertEqual(order.eco_project_lead_id, self.lead_2)
        self.assertEqual(order.eco_ack_state, 'pending')
        self.assertEqual(set(milestones.mapped('user_id').ids), {self.lead_2.id})
        tracking = self.env['mail.tracking.value'].search([
            ('mail_message_id', 'in', order.message_ids.ids),
            ('field', '=', 'eco_project_lead_id')], order='id desc', limit=1)
        self.assertEqual(tracking.old_value_char, 'Lee One')
        self.assertEqual(tracking.new_value_char, 'Lee Two')
        self.assertEqual(tracking.mail_message_id.author_id,
                         self.user_manager.partner_id)

    def test_acknowledge_only_by_lead_or_manager(self):
        self._rule('All', self.lead_1)
        order = self._accepted_order()
        with self.assertRaises(AccessError):
            order.sudo(self.lead_2).action_eco_acknowledge()
        self.assertEqual(order.eco_ack_state, 'pending')
        order.sudo(self.lead_1).action_eco_acknowledge()
        self.assertEqual(order.eco_ack_state, 'done')
        self.assertTrue(order.eco_ack_date)
        self.assertEqual(order.eco_progress_stage, 'execution')

    def test_ack_escalation_after_delay(self):
        self._rule('All', self.lead_1)
        order = self._accepted_order()
        Order = self.env['sale.order']
        # within the delay: nothing happens
        self.assertEqual(Order._cron_eco_ack_escalate(), 0)
        self.assertEqual(order.eco_ack_escalation_level, 0)
        # the delay (4 hours by default) has passed
        self.assertEqual(
            self.env['ir.config_parameter'].sudo().get_param(
                'eco_order.ack_delay_hours'), '4')
        order.sudo().write({'eco_ack_deadline': '2020-01-01 00:00:00'})
        self.assertEqual(Order._cron_eco_ack_escalate(), 1)
        self.assertEqual(order.eco_ack_escalation_level, 1)
        activity_type = self.env.ref('eco_order.mail_activity_type_eco_escalation')
        activities = self._activities(order, self.team_leader).filtered(
            lambda a: a.activity_type_id == activity_type)
        self.assertEqual(len(activities), 1)
        # a second run escalates nothing more
        self.assertEqual(Order._cron_eco_ack_escalate(), 0)
        self.assertEqual(len(self._activities(order, self.team_leader).filtered(
            lambda a: a.activity_type_id == activity_type)), 1)

    def _ack_escalation_queries(self, size):
        orders = self.env['sale.order']
        for _i in range(size):
            orders |= self._accepted_order()
        orders.sudo().write({'eco_ack_deadline': '2020-01-01 00:00:00'})
        orders.invalidate_cache()
        cr = self.env.cr
        before = cr.sql_log_count
        self.assertEqual(self.env['sale.order']._cron_eco_ack_escalate(), size)
        count = cr.sql_log_count - before
        self.assertEqual(orders.mapped('eco_ack_escalation_level'), [1] * size)
        return count

    def test_ack_escalation_query_count_constant(self):
        """The acknowledgement escalation creates its activities in bulk:
        the same number of queries for 5 or 10 late orders."""
        self._rule('All', self.lead_1)
        self._ack_escalation_queries(2)  # warm the ORM caches
        q5 = self._ack_escalation_queries(5)
        q10 = self._ack_escalation_queries(10)
        self.assertEqual(q5, q10)
        activity_type = self.env.ref('eco_order.mail_activity_type_eco_escalation')
        self.assertEqual(self.env['mail.activity'].search_count([
            ('res_model', '=', 'sale.order'), ('user_id', '=', self.team_leader.id),
            ('activity_type_id', '=', activity_type.id)]), 2 + 5 + 10)

    def test_settings_default_team_and_delay(self):
        other_team = self.env['crm.team'].create({'name': 'Backup Desk'})
        settings = self.env['res.config.settings'].create({
            'eco_default_team_id': other_team.id,
            'eco_ack_delay_hours': 8.0,
        })
        settings.set_values()
        params = self.env['ir.config_parameter'].sudo()
        self.assertEqual(params.get_param('eco_order.default_team_id'),
                         str(other_team.id))
        self.assertEqual(params.get_param('eco_order.ack_delay_hours'), '8.0')
        fresh = self.env['res.config.settings'].create({})
        self.assertEqual(fresh.eco_default_team_id, other_team)
        self.assertEqual(fresh.eco_ack_delay_hours, 8.0)
        # the new delay applies to the next allocation
        self._rule('All', self.lead_1)
        order = self._accepted_order()
        self.assertEqual(order.eco_ack_deadline,
                         dt(8, order.eco_allocation_date))
        cron = self.env.ref('eco_order.ir_cron_eco_ack_escalation')
        self.assertEqual(cron.interval_number, 15)
