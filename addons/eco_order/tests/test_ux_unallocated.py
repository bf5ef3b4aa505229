# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, defect 4: accepting a request no rule can allocate falls back to the
default team visibly; "Allocated On" only when a lead was allocated; staff warned."""
from lxml import etree

from odoo import fields

from .alloc_common import EcoAllocationCase


class TestUnallocatedAccept(EcoAllocationCase):

    def test_no_rule_goes_to_default_team_visibly(self):
        self._rule('Supply only', self.lead_1, order_type_id=self.type_supply.id)
        order = self._accepted_order()
        self.assertFalse(order.order_type_id)
        self.assertEqual(order.intake_state, 'accepted')
        self.assertEqual(order.eco_allocation_state, 'default_team')
        self.assertEqual(order.team_id, self.team_default)
        self.assertFalse(order.eco_project_lead_id)
        self.assertFalse(order.eco_allocation_date)
        self.assertEqual(order.eco_ack_state, 'none')
        activities = self._activities(order, self.user_manager)
        self.assertEqual(activities.summary, 'Allocate order %s by hand' % order.name)
        self.assertEqual(activities.res_name, order.name)
        self.assertEqual(activities.date_deadline,
                         fields.Date.context_today(activities))
        self.assertIn(self.user_manager.partner_id,
                      order.message_follower_ids.mapped('partner_id'))

    def test_no_rule_no_default_team_unassigned(self):
        self.env['ir.config_parameter'].sudo().set_param(
            'eco_order.default_team_id', '')
        order = self._accepted_order()
        self.assertEqual(order.eco_allocation_state, 'unassigned')
        self.assertFalse(order.eco_allocation_date)
        # the tracked acceptance says nobody was allocated; no to-do for anyone
        tracking = self.env['mail.tracking.value'].search([
            ('mail_message_id', 'in', order.message_ids.ids),
            ('field', '=', 'eco_allocation_state')], order='id desc', limit=1)
        self.assertEqual(tracking.new_value_char,
                         'Unassigned (no rule matched, no default team)')
        self.assertFalse(order.activity_ids)

    def test_rule_sets_allocated_on_and_state(self):
        self._rule('All', self.lead_1)
        order = self._accepted_order()
        self.assertEqual(order.eco_allocation_state, 'rule')
        self.assertTrue(order.eco_allocation_date)
        wizard = self.env['eco.order.reassign'].sudo(self.user_manager).with_context(
            default_order_id=order.id).create({
                'project_lead_id': self.lead_2.id, 'reason': 'Lee One on leave'})
        wizard.action_apply()
        self.assertEqual(order.eco_allocation_state, 'manual')

    def test_form_warns_staff(self):
        arch = self.env['sale.order'].sudo(self.user_staff).fields_view_get(
            view_type='form')['arch']
        warning = etree.fromstring(arch).xpath(
            "//div[contains(@class, 'o_eco_unallocated_warning')]")
        self.assertEqual(len(warning), 1)
        self.assertIn('no allocation rule matched', warning[0].xpath('string()'))

    def test_kanban_columns_in_process_order(self):
        self._create_order(self.partner_a)
        Order = self.env['sale.order'].sudo(self.user_staff)
        groups = Order.read_group([], ['intake_state'], ['intake_state'])
        self.assertEqual([g['intake_state'] for g in groups],
                         ['new', 'review', 'clarification', 'accepted', 'rejected'])
        groups = Order.read_group([], ['eco_progress_stage'], ['eco_progress_stage'])
        self.assertEqual(
            [g['eco_progress_stage'] for g in groups if g['eco_progress_stage']],
            ['allocation', 'acknowledgement', 'execution', 'completed'])
