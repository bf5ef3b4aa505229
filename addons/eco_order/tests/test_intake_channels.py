# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R2.1: intake channels, receipt data, first response time, acknowledgement."""
from .common import EcoOrderCase

TEXT_INTERNAL_NOTE = 'Internal note'
TEXT_ANY_NEWS = 'Any news?'
TEXT_WE_RECEIVED_YOUR_REQUEST = 'We received your request'
TEXT_SECOND_ANSWER = 'Second answer'


class TestIntakeChannels(EcoOrderCase):

    def test_backend_order_defaults(self):
        order = self._create_order(self.partner_a)
        self.assertEqual(order.intake_channel, 'phone')
        self.assertEqual(order.intake_state, 'new')
        self.assertEqual(order.intake_received_by_id, self.user_staff)
        self.assertEqual(bool(order.intake_received_date), True)
        self.assertEqual(order.intake_first_response_date, False)
        self.assertEqual(order.intake_response_hours, 0.0)
        self.assertEqual(order.intake_is_complete, True)
        self.assertEqual(order.intake_missing, False)

    def test_channel_fax_kept(self):
        order = self._create_order(self.partner_b, intake_channel='fax')
        self.assertEqual(order.intake_channel, 'fax')
        self.assertEqual(
            self.env['sale.order'].search_count(
                [('id', '=', order.id), ('intake_channel', '=', 'fax')]), 1)

    def test_response_hours_exact(self):
        order = self._create_order(
            self.partner_a, intake_received_date='2026-01-05 08:00:00')
        order.intake_first_response_date = '2026-01-05 11:30:00'
        self.assertEqual(order.intake_response_hours, 3.5)
        order.intake_received_date = '2026-01-04 11:30:00'
        self.assertEqual(order.intake_response_hours, 24.0)

    def test_first_response_by_staff_message(self):
        order = self._create_order(
            self.partner_a, intake_received_date='2026-01-05 08:00:00')
        # an internal note is no response to the customer
        order.sudo(self.user_staff).message_post(
            body=TEXT_INTERNAL_NOTE, message_type='comment', subtype='mail.mt_note')
        self.assertEqual(order.intake_first_response_date, False)
        # the customer's own message is no response either
        order.message_post(
            body=TEXT_ANY_NEWS, message_type='comment', subtype='mail.mt_comment',
            author_id=self.contact_a.id)
        self.assertEqual(order.intake_first_response_date, False)
        message = order.sudo(self.user_staff).message_post(
            body=TEXT_WE_RECEIVED_YOUR_REQUEST, message_type='comment',
            subtype='mail.mt_comment', partner_ids=[self.partner_a.id])
        self.assertEqual(order.intake_first_response_date, message.date)
        first = order.intake_first_response_date
        order.sudo(self.user_staff).message_post(
            body=TEXT_SECOND_ANSWER, message_type='comment', subtype='mail.mt_comment')
        self.assertEqual(order.intake_first_response_date, first)

    def test_acknowledge_sends_template(self):
        order = self._create_order(self.partner_a)
        count = len(order.message_ids)
        order.sudo(self.user_staff).action_intake_acknowledge()
        self.assertEqual(bool(order.intake_first_response_date), True)
        messages = order.message_ids.filtered(
            lambda m: m.message_type == 'comment'
            and m.subtype_id == self.env.ref('mail.mt_comment'))
        self.assertEqual(len(messages), 1)
        self.assertEqual(len(order.message_ids), count + 1)
        self.assertEqual(messages.partner_ids, self.partner_a)
        self.assertEqual(messages.author_id, self.user_staff.partner_id)
        self.assertIn(order.name, messages.subject)

    def test_response_hours_groupable_average(self):
        order_1 = self._create_order(
            self.partner_a, intake_channel='fax',
            intake_received_date='2026-01-05 08:00:00')
        order_2 = self._create_order(
            self.partner_b, intake_channel='fax',
            intake_received_date='2026-01-05 08:00:00')
        order_1.intake_first_response_date = '2026-01-05 09:00:00'
        order_2.intake_first_response_date = '2026-01-05 12:00:00'
        groups = self.env['sale.order'].read_group(
            [('id', 'in', (order_1 | order_2).ids)],
            ['intake_channel', 'intake_response_hours'], ['intake_channel'])
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]['intake_channel'], 'fax')
        self.assertEqual(groups[0]['intake_response_hours'], 2.5)

    def test_staff_notification_channel_and_activity(self):
        self.env['ir.config_parameter'].sudo().set_param(
            'eco_order.intake_user_id', str(self.user_manager.id))
        channel = self.env.ref('eco_order.mail_channel_eco_intake')
        self.assertIn(self.user_staff.partner_id, channel.channel_partner_ids)
        order = self._create_order(self.partner_a, intake_channel='portal')
        channel.invalidate_cache()
        before = len(channel.message_ids)
        order._eco_notify_intake_channel()
        channel.invalidate_cache()
        self.assertEqual(len(channel.message_ids), before + 1)
        self.assertIn(order.name, channel.message_ids[0].body)
        activity = order.activity_ids.filtered(
            lambda a: a.summary == 'Review order request')
        self.assertEqual(activity.user_id, self.user_manager)

    def test_settings_alias_and_params(self):
        settings = self.env['res.config.settings'].create({
            'eco_order_alias_name': 'requests',
            'eco_order_intake_user_id': self.user_staff.id,
            'eco_order_intake_max_attachment_mb': 2.0,
        })
        settings.execute()
        alias = self.env.ref('eco_order.mail_alias_eco_orders')
        self.assertEqual(alias.alias_name, 'requests')
        params = self.env['ir.config_parameter'].sudo()
        self.assertEqual(params.get_param('eco_order.intake_user_id'),
                         str(self.user_staff.id))
        self.assertEqual(params.get_param('eco_order.intake_max_attachment_mb'), '2.0')
        values = self.env['res.config.settings'].default_get(
            ['eco_order_alias_name', 'eco_order_intake_user_id'])
        self.assertEqual(values['eco_order_alias_name'], 'requests')
        self.assertEqual(values['eco_order_intake_user_id'], self.user_staff.id)

    def test_views_show_intake_for_staff(self):
        Order = self.env['sale.order'].sudo(self.user_staff)
        form = Order.fields_view_get(
            view_id=self.env.ref('sale.view_order_form').id, view_type='form')
        for name in ('intake_channel', 'intake_received_date', 'intake_received_by_id',
                     'intake_first_response_date', 'intake_response_hours',
                     'intake_state', 'intake_missing'):
            self.assertIn(name, form['fields'])
        self.assertIn('action_intake_acknowledge', form['arch'])
        self.assertIn('name="eco_intake"', form['arch'])
        search = Order.fields_view_get(
            view_id=self.env.ref('sale.view_sales_order_filter').id, view_type='search')
        self.assertIn('groupby_intake_channel', search['arch'])
        self.assertIn('intake_channel_email', search['arch'])
        action = self.env.ref('eco_order.sale_order_action_intake')
        self.assertEqual(action.view_mode.split(',')[0], 'kanban')
        kanban = Order.fields_view_get(
            view_id=self.env.ref('eco_order.sale_order_view_kanban_intake').id,
            view_type='kanban')
        self.assertIn('default_group_by="intake_state"', kanban['arch'])
