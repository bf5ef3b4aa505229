# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, defect 5: milestones tied to an event are done by that event
(quotation sent, contract signed, acceptance signed; delivered/installed by hook)."""
from datetime import timedelta

from odoo import fields

from .common_accept import EcoAcceptCase


class TestMilestoneEvents(EcoAcceptCase):

    def _milestone(self, order, name, event, sequence):
        deadline = fields.Datetime.from_string(
            fields.Datetime.now()) + timedelta(days=9)
        return self.env['eco.order.milestone'].create({
            'order_id': order.id, 'name': name, 'event': event,
            'sequence': sequence, 'user_id': self.user_staff.id,
            'deadline': fields.Datetime.to_string(deadline)})

    def test_quotation_sent_and_contract_signed(self):
        order = self.env['sale.order'].create({
            'partner_id': self.partner_a.id, 'user_id': self.user_staff.id,
            'order_line': [(0, 0, {'product_id': self.product.id,
                                   'name': self.product.name,
                                   'product_uom_qty': 1.0})]})
        sent = self._milestone(order, 'Quotation sent', 'quotation_sent', 10)
        contract = self._milestone(order, 'Contract signed', 'contract_signed', 20)
        manual = self._milestone(order, 'Technical plan', False, 30)
        order.print_quotation()
        self.assertEqual(order.state, 'sent')
        self.assertEqual((sent.state, contract.state, manual.state),
                         ('done', 'pending', 'pending'))
        self.assertTrue(sent.date_done)
        order.action_confirm()
        self.assertEqual((sent.state, contract.state, manual.state),
                         ('done', 'done', 'pending'))
        self.assertEqual(order._eco_portal_progress()['percent'], 67)

    def test_acceptance_signed_and_hook_events(self):
        order = self._confirmed_order(self.partner_a)
        installed = self._milestone(order, 'Installed', 'installed', 10)
        accepted = self._milestone(order, 'Accepted by customer', 'acceptance_signed',
                                   20)
        self.assertEqual(order._eco_portal_progress()['percent'], 0)
        acceptance = self.env['eco.acceptance'].create({
            'order_id': order.id, 'customer_representative': 'Alice Acc'})
        acceptance.line_ids.write({'result': 'passed'})
        acceptance.action_record_result()
        self.assertEqual(accepted.state, 'pending')
        acceptance.sudo()._eco_portal_sign('Alice Acc', signature_text='A. Acc',
                                           partner=self.contact_a)
        self.assertEqual(acceptance.state, 'signed')
        self.assertEqual((installed.state, accepted.state), ('pending', 'done'))
        self.assertEqual(order._eco_portal_progress()['percent'], 50)
        # the step is authored by the customer who signed
        tracking = self.env['mail.tracking.value'].search([
            ('mail_message_id', 'in', accepted.message_ids.ids),
            ('field', '=', 'state')], order='id desc', limit=1)
        self.assertEqual(tracking.new_value_char, 'Done')
        self.assertEqual(tracking.mail_message_id.author_id, self.contact_a)
        # add-ons fire the events of their own flows
        self.assertEqual(order._eco_milestone_event('installed'), installed)
        self.assertEqual(installed.state, 'done')
        self.assertEqual(order._eco_portal_progress()['percent'], 100)
        self.assertFalse(order._eco_milestone_event('installed'))

    def test_template_event_copied_to_milestone(self):
        order_type = self.env['eco.order.type'].create({
            'name': 'Event test type', 'code': 'EVT',
            'milestone_template_ids': [(0, 0, {
                'name': 'Accepted by customer', 'days_offset': 30,
                'event': 'acceptance_signed'})]})
        order = self.env['sale.order'].create({
            'partner_id': self.partner_a.id, 'order_type_id': order_type.id})
        order._eco_create_milestones()
        self.assertEqual(order.eco_milestone_ids.mapped('event'), ['acceptance_signed'])
