# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where the intake gate stands (issue 8, part 1): which orders need the review
(per-company setting), the gate at sending, printing, sharing and confirming, the
form's flags, the duplicate rule, the single action_confirm override, and
``intake_missing`` rendered in the reader's language (part 3)."""
import inspect

from odoo.exceptions import UserError

from .common import EcoOrderCase


class TestIntakeGate(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestIntakeGate, cls).setUpClass()
        cls.company = cls.env.user.company_id

    def _email_request(self):
        """An email request as the mail gateway records it, not reviewed."""
        return self._create_order(self.partner_a, intake_channel='email')

    # --- which orders need the review -------------------------------------
    def test_code_created_order_has_system_channel_and_confirms(self):
        order = self.env['sale.order'].create({
            'partner_id': self.partner_b.id,
            'order_line': [(0, 0, {'product_id': self.product_service.id,
                                   'product_uom_qty': 1.0})],
        })
        self.assertEqual(order.intake_channel, 'system')
        self.assertEqual(order.intake_state, 'new')
        self.assertFalse(order._eco_intake_required())
        self.assertEqual(order._eco_send_block_reasons(), [])
        order.action_confirm()
        self.assertEqual(order.state, 'sale')

    def test_default_settings(self):
        self.assertEqual(self.company._eco_intake_review_channels(),
                         {'phone', 'email', 'portal', 'fax', 'other'})
        for channel in ('phone', 'email', 'portal', 'fax', 'other'):
            order = self._create_order(self.partner_a, intake_channel=channel)
            self.assertTrue(order._eco_intake_required(), channel)
        for channel in ('system', 'website'):
            order = self._create_order(self.partner_a, intake_channel=channel)
            self.assertFalse(order._eco_intake_required(), channel)

    def test_settings_change_what_needs_review(self):
        settings = self.env['res.config.settings'].create({
            'eco_intake_review_phone': False,
            'eco_intake_review_system': True,
        })
        settings.execute()
        self.assertFalse(self.company.eco_intake_review_phone)
        self.assertTrue(self.company.eco_intake_review_system)
        self.assertEqual(self.company._eco_intake_review_channels(),
                         {'email', 'portal', 'fax', 'other', 'system'})
        phone = self._create_order(self.partner_a, intake_channel='phone')
        phone.sudo(self.user_staff).action_confirm()
        self.assertEqual(phone.state, 'sale')
        imported = self._create_order(self.partner_a, intake_channel='system')
        with self.assertRaises(UserError):
            imported.action_confirm()
        self.assertEqual(imported.state, 'draft')
        # the settings form reads the company's values back
        values = self.env['res.config.settings'].create({})
        self.assertFalse(values.eco_intake_review_phone)
        self.assertTrue(values.eco_intake_review_system)
        self.assertTrue(values.eco_intake_review_email)

    def test_intake_menu_defaults_to_phone(self):
        action = self.env.ref('eco_order.sale_order_action_intake')
        self.assertIn("'default_intake_channel': 'phone'", action.context)
        # Odoo's own Sales menus stay as in Odoo (their quotations: direct sales)
        self.assertNotIn('intake', self.env.ref('sale.action_quotations').context)
        order = self.env['sale.order'].with_context(
            default_intake_channel='phone').create({'partner_id': self.partner_a.id})
        self.assertEqual(order.intake_channel, 'phone')
        self.assertTrue(order._eco_intake_required())

    # --- the gate where a person meets it ---------------------------------
    def test_unreviewed_email_request_cannot_reach_the_customer(self):
        order = self._email_request().sudo(self.user_staff)
        reason = ('The intake review has not been passed (intake state must be '
                  '"Accepted").')
        self.assertEqual(order._eco_send_block_reasons(), [reason])
        self.assertTrue(order.eco_intake_review_needed)
        self.assertTrue(order.eco_send_blocked)
        self.assertTrue(order.eco_confirm_blocked)
        self.assertEqual(order.eco_block_message, reason)
        for method in ('action_quotation_send', 'print_quotation', 'get_share_url',
                       'action_confirm'):
            with self.assertRaises(UserError) as error:
                getattr(order, method)()
            self.assertIn(order.name, str(error.exception), method)
        self.assertEqual(order.state, 'draft')
        self.assertFalse(order.message_ids.filtered(
            lambda m: m.message_type == 'comment'))

    def test_reviewed_request_can_be_sent_and_confirmed(self):
        order = self._email_request().sudo(self.user_staff)
        order.action_intake_review()
        order.action_intake_accept()
        order.invalidate_cache()
        self.assertFalse(order.eco_send_blocked)
        self.assertFalse(order.eco_confirm_blocked)
        self.assertFalse(order.eco_block_message)
        action = order.action_quotation_send()
        self.assertEqual(action['res_model'], 'mail.compose.message')
        self.assertTrue(order.get_share_url().startswith('/mail/view?'))
        order.action_confirm()
        self.assertEqual(order.state, 'sale')

    def test_sent_quotation_is_not_blocked_by_intake(self):
        """A sent quotation passed the gate when it was sent: its portal signature
        never fails on the intake (even when the settings changed since)."""
        order = self._create_order(self.partner_a, intake_channel='system')
        order.force_quotation_send()
        self.assertEqual(order.state, 'sent')
        self.company.eco_intake_review_system = True
        self.assertTrue(order._eco_intake_required())
        self.assertEqual(order._eco_send_block_reasons(), [])
        order.action_confirm()
        self.assertEqual(order.state, 'sale')

    def test_form_hides_buttons_and_shows_why(self):
        arch = self.env['sale.order'].fields_view_get(
            view_id=self.env.ref('sale.view_order_form').id, view_type='form')['arch']
        self.assertIn('o_eco_block_banner', arch)
        self.assertIn('eco_block_message', arch)
        self.assertIn('eco_confirm_blocked', arch)
        self.assertIn('eco_send_blocked', arch)

    # --- duplicates --------------------------------------------------------
    def test_duplicate_is_a_new_request(self):
        order = self._email_request().sudo(self.user_staff)
        order.action_intake_review()
        order.action_intake_accept()
        copy = order.sudo(self.user_manager).copy()
        self.assertEqual(copy.intake_channel, 'email')
        self.assertEqual(copy.intake_state, 'new')
        self.assertFalse(copy.intake_accepted_date)
        self.assertEqual(copy.intake_received_by_id, self.user_manager)
        self.assertEqual(copy.intake_required_date, order.intake_required_date)
        self.assertTrue(copy.eco_confirm_blocked)
        with self.assertRaises(UserError):
            copy.action_confirm()

    def test_duplicate_of_shop_order_needs_review(self):
        order = self._create_order(self.partner_a, intake_channel='website')
        order._eco_intake_pass_checkout()
        self.assertEqual(order.intake_state, 'accepted')
        copy = order.copy()
        self.assertEqual(copy.intake_channel, 'other')
        self.assertEqual(copy.intake_state, 'new')
        self.assertTrue(copy._eco_intake_required())
        # code that copies explicitly keeps control of the channel
        system_copy = order.copy({'intake_channel': 'system'})
        self.assertFalse(system_copy._eco_intake_required())

    def test_duplicate_of_code_created_order_confirms(self):
        order = self._create_order(self.partner_a, intake_channel='system')
        copy = order.copy()
        self.assertEqual(copy.intake_channel, 'system')
        copy.action_confirm()
        self.assertEqual(copy.state, 'sale')

    def test_shop_checkout_logged(self):
        order = self._create_order(self.partner_a, intake_channel='website')
        order._eco_intake_pass_checkout()
        self.assertEqual(order.intake_state, 'accepted')
        self.assertTrue(order.intake_accepted_date)
        self.assertEqual(len(order.message_ids.filtered(
            lambda m: 'Intake passed at checkout' in (m.body or ''))), 1)
        order._eco_intake_pass_checkout()  # once only
        self.assertEqual(len(order.message_ids.filtered(
            lambda m: 'Intake passed at checkout' in (m.body or ''))), 1)

    # --- one action_confirm override --------------------------------------
    def test_one_action_confirm_override(self):
        overrides = [
            cls for cls in type(self.env['sale.order']).__mro__
            if 'action_confirm' in vars(cls)
            and inspect.getmodule(cls).__name__.startswith('odoo.addons.eco_order.')]
        self.assertEqual(len(overrides), 1)
        self.assertEqual(inspect.getmodule(overrides[0]).__name__,
                         'odoo.addons.eco_order.models.sale_order')

    def test_confirm_steps_run(self):
        order = self._create_order(self.partner_a, intake_channel='system')
        order.action_confirm()
        self.assertEqual(order.eco_delivery_date, order.intake_required_date)


class TestIntakeMissingLanguage(EcoOrderCase):
    """``intake_missing`` is stored as codes and read in the reader's language."""

    @classmethod
    def setUpClass(cls):
        super(TestIntakeMissingLanguage, cls).setUpClass()
        cls.env['res.lang'].load_lang('zh_CN')
        for src, value in (('Required delivery date', '要求交货日期'),
                           ('Line %s (%s): quantity', '第 %s 行（%s）：数量')):
            cls.env['ir.translation'].create({
                'type': 'code', 'lang': 'zh_CN', 'module': 'eco_order',
                'name': 'addons/eco_order/models/sale_order.py',
                'state': 'translated', 'src': src, 'value': value})
        cls.user_zh = cls._create_user(
            'eco_test_staff_zh', cls.group_user | cls.group_eco_user,
            name='Zhang Staff', lang='zh_CN')
        cls.user_staff.lang = 'en_US'

    def test_codes_stored_labels_per_reader(self):
        order = self._create_order(
            self.partner_a, intake_required_date=False,
            order_line=[(0, 0, {'product_id': self.product_service.id,
                                'name': 'Pump', 'product_uom_qty': 0.0})])
        self.assertEqual(order.intake_missing_codes, 'line_qty:1\nrequired_date')
        self.assertFalse(order.intake_is_complete)
        name = self.product_service.display_name
        english = order.sudo(self.user_staff).with_context(
            lang=self.user_staff.lang).read(['intake_missing'])[0]
        chinese = order.sudo(self.user_zh).with_context(
            lang=self.user_zh.lang).read(['intake_missing'])[0]
        self.assertEqual(english['intake_missing'],
                         'Line 1 (%s): quantity\nRequired delivery date' % name)
        self.assertEqual(chinese['intake_missing'],
                         '第 1 行（%s）：数量\n要求交货日期' % name)
        # the stored column holds codes only
        self.env.cr.execute(
            'SELECT intake_missing_codes FROM sale_order WHERE id = %s', (order.id,))
        self.assertEqual(self.env.cr.fetchone()[0], 'line_qty:1\nrequired_date')

    def test_complete_order_has_no_codes(self):
        order = self._create_order(self.partner_a)
        self.assertFalse(order.intake_missing_codes)
        self.assertFalse(order.intake_missing)
        self.assertTrue(order.intake_is_complete)
