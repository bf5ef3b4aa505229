# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, rough edges: the order form header shows one status bar (the
intake's while the request is in review, Odoo's afterwards) and only the buttons
the state allows (every add-on's header buttons, as the user's form gets them);
the acknowledgement gives visible feedback; the server refuses what is hidden."""
import json

from lxml import etree

from odoo import fields
from odoo.exceptions import UserError

from .common import EcoOrderCase


def eval_domain(domain, values):
    """Evaluate a modifiers domain (prefix '|', '&', '!') on ``values``."""
    if isinstance(domain, bool):
        return domain
    stack = []
    for item in reversed(domain):
        if item in ('|', '&'):
            first, second = stack.pop(), stack.pop()
            stack.append(first or second if item == '|' else first and second)
        elif item == '!':
            stack.append(not stack.pop())
        else:
            stack.append(eval_leaf(item, values))
    result = True
    while stack:
        result = stack.pop() and result
    return result


def is_empty(value):
    return value is False or value is None or value == []


def eval_leaf(leaf, values):
    name, operator, value = leaf
    current = values[name]
    if operator in ('=', '=='):
        return current == value or (is_empty(current) and is_empty(value))
    if operator in ('!=', '<>'):
        return not (current == value or (is_empty(current) and is_empty(value)))
    if operator == 'in':
        return current in value
    if operator == 'not in':
        return current not in value
    if operator == '>=':
        return current >= value
    if operator == '>':
        return current > value
    if operator == '<':
        return current < value
    if operator == '<=':
        return current <= value
    raise ValueError(operator)


class TestOrderHeader(EcoOrderCase):

    def _header(self, order, user):
        """(visible buttons as 'name:string', visible status bars) of the header
        of ``order``'s form as ``user`` gets it."""
        Order = self.env['sale.order'].sudo(user)
        view = Order.fields_view_get(
            view_id=self.env.ref('sale.view_order_form').id, view_type='form')
        names = [name for name in view['fields']]
        raw = order.sudo(user).read(names)[0]
        values = {}
        for name, value in raw.items():
            if isinstance(value, tuple):
                value = value[0]
            values[name] = value
        header = etree.fromstring(view['arch']).xpath('//header')[0]
        buttons, bars = set(), set()
        for node in header.iter('button', 'field'):
            modifiers = json.loads(node.get('modifiers') or '{}')
            if eval_domain(modifiers.get('invisible', False), values):
                continue
            if node.tag == 'button':
                buttons.add('%s:%s' % (node.get('name'), node.get('string')))
            elif node.get('widget') == 'statusbar':
                bars.add(node.get('name'))
        return buttons, bars

    def test_new_request_shows_intake_bar_and_intake_buttons_only(self):
        order = self._create_order(self.partner_a)
        self.assertTrue(order.eco_in_intake)
        buttons, bars = self._header(order, self.user_staff)
        self.assertEqual(bars, {'intake_state'})
        self.assertEqual(buttons, {
            'action_intake_acknowledge:Send Acknowledgement to Customer',
            'action_intake_review:Start Review',
            'action_intake_reject:Reject Request',
            'action_cancel:Cancel',
        })
        buttons, bars = self._header(order, self.user_manager)
        self.assertEqual(bars, {'intake_state'})
        self.assertNotIn('action_confirm:Confirm Sale', buttons)
        self.assertNotIn('action_eco_reassign:Re-assign', buttons)
        order.sudo(self.user_staff).action_intake_review()
        buttons, bars = self._header(order, self.user_staff)
        self.assertEqual(bars, {'intake_state'})
        self.assertEqual(buttons, {
            'action_intake_acknowledge:Send Acknowledgement to Customer',
            'action_intake_accept:Accept Request',
            'action_intake_clarify:Clarify with Customer',
            'action_intake_reject:Reject Request',
            'action_cancel:Cancel',
        })

    def test_accepted_request_is_a_quotation(self):
        order = self._create_order(self.partner_a)
        order.sudo(self.user_staff).action_intake_review()
        order.sudo(self.user_staff).action_intake_accept()
        self.assertFalse(order.eco_in_intake)
        buttons, bars = self._header(order, self.user_staff)
        self.assertEqual(bars, {'state'})
        self.assertIn('action_confirm:Confirm Sale', buttons)
        self.assertIn('action_quotation_send:Send by Email', buttons)
        self.assertIn('print_quotation:Print', buttons)
        self.assertFalse({b for b in buttons if b.startswith('action_intake_')})

    def test_system_order_has_odoo_header(self):
        order = self._create_order(self.partner_a, intake_channel='system')
        self.assertFalse(order.eco_in_intake)
        buttons, bars = self._header(order, self.user_staff)
        self.assertEqual(bars, {'state'})
        self.assertFalse({b for b in buttons if b.startswith('action_intake_')})
        self.assertIn('action_confirm:Confirm Sale', buttons)

    def test_acknowledgement_feedback(self):
        order = self._create_order(self.partner_a)
        count = len(order.message_ids)
        order.sudo(self.user_staff).action_intake_acknowledge()
        self.assertEqual(len(order.message_ids), count + 1)
        message = order.message_ids[0]
        self.assertEqual(message.partner_ids, self.partner_a)
        self.assertEqual(message.author_id, self.user_staff.partner_id)
        self.assertTrue(order.intake_ack_sent_date)
        self.assertEqual(order.intake_ack_sent_by_id, self.user_staff)
        self.assertEqual(order.intake_first_response_date, order.intake_ack_sent_date)
        buttons, dummy = self._header(order, self.user_staff)
        self.assertNotIn(
            'action_intake_acknowledge:Send Acknowledgement to Customer', buttons)
        # the stamp on the form
        arch = self.env['sale.order'].sudo(self.user_staff).fields_view_get(
            view_id=self.env.ref('sale.view_order_form').id, view_type='form')['arch']
        stamp = etree.fromstring(arch).xpath(
            "//div[contains(@class, 'o_eco_ack_sent')]")
        self.assertEqual(len(stamp), 1)
        self.assertEqual(
            sorted(stamp[0].xpath('.//field/@name')),
            ['intake_ack_sent_by_id', 'intake_ack_sent_date'])
        # a second acknowledgement is refused and sends nothing
        with self.assertRaises(UserError):
            order.sudo(self.user_staff).action_intake_acknowledge()
        self.assertEqual(len(order.message_ids), count + 1)

    def test_server_refuses_what_the_header_hides(self):
        order = self._create_order(self.partner_a)
        with self.assertRaises(UserError):
            order.sudo(self.user_staff).action_confirm()
        with self.assertRaises(UserError):
            order.sudo(self.user_staff).action_quotation_send()
        with self.assertRaises(UserError):
            order.sudo(self.user_staff).action_intake_accept()
        self.assertEqual((order.state, order.intake_state), ('draft', 'new'))
        confirmed = self._create_order(self.partner_b, intake_channel='system')
        confirmed.action_confirm()
        self.assertEqual(confirmed.state, 'sale')
        for step in ('action_intake_review', 'action_intake_reject',
                     'action_intake_acknowledge'):
            with self.assertRaises(UserError):
                getattr(confirmed.sudo(self.user_staff), step)()
        with self.assertRaises(UserError):
            confirmed.sudo(self.user_staff)._eco_intake_reject('Not needed')
        self.assertEqual((confirmed.state, confirmed.intake_state), ('sale', 'new'))
        self.assertFalse(confirmed.intake_ack_sent_date)
        self.assertFalse(confirmed.intake_reject_reason)

    def test_stamp_fields_are_not_copied(self):
        order = self._create_order(self.partner_a)
        order.sudo(self.user_staff).action_intake_acknowledge()
        copy = order.copy()
        self.assertEqual((copy.intake_ack_sent_date, copy.intake_ack_sent_by_id.id),
                         (False, False))
        self.assertTrue(fields.Datetime.from_string(order.intake_ack_sent_date))
