# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may classify customers, and staff cannot raise their own clearance."""
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .test_protection_common import EcoProtectionCase


class TestProtectionClassification(EcoProtectionCase):

    @classmethod
    def setUpClass(cls):
        super(TestProtectionClassification, cls).setUpClass()
        group_contacts = cls.env.ref('base.group_partner_manager')
        # may edit contacts (Extra Rights / Contact Creation) but not classify
        cls.user_editor = cls._create_user(
            'eco_editor', cls.group_user | cls.group_eco_user | group_contacts,
            name='Eda Editor')
        # cleared, named on the secret customer, may edit contacts: not a manager
        cls.user_cleared_editor = cls._create_user(
            'eco_cleared_editor', cls.group_user | cls.group_eco_user | group_contacts
            | cls.group_confidential, name='Cleo Cleared')
        cls.customers['secret'].write(
            {'eco_allowed_user_ids': [(4, cls.user_cleared_editor.id)]})

    def _tracking(self, partner):
        return self.env['mail.tracking.value'].search([
            ('mail_message_id.model', '=', 'res.partner'),
            ('mail_message_id.res_id', '=', partner.id),
            ('field', '=', 'eco_classification')])

    def test_01_default_level_is_internal(self):
        Partner = self.env['res.partner'].sudo(self.user_editor)
        partner = Partner.create({'name': 'Fresh Customer', 'is_company': True})
        self.assertEqual(partner.eco_classification, 'internal')
        self.assertEqual(partner.eco_effective_classification, 'internal')
        # the web client sends the default value on create: accepted
        partner = Partner.create({'name': 'Form Customer',
                                  'eco_classification': 'internal'})
        self.assertEqual(partner.eco_classification, 'internal')

    def test_02_manager_change_is_tracked(self):
        customer = self.customers['internal']
        before = self._tracking(customer)
        customer.sudo(self.user_manager).write({'eco_classification': 'public'})
        self.assertEqual(customer.eco_classification, 'public')
        self.assertEqual(self.contacts['internal'].eco_effective_classification,
                         'public')
        tracking = self._tracking(customer) - before
        self.assertEqual(len(tracking), 1)
        self.assertEqual((tracking.old_value_char, tracking.new_value_char),
                         ('Internal', 'Public'))
        self.assertEqual(tracking.mail_message_id.author_id,
                         self.user_manager.partner_id)

    @mute_logger('odoo.models')
    def test_03_manager_cannot_lock_themselves_out(self):
        customer = self.customers['internal']
        before = self._tracking(customer)
        with self.assertRaises(AccessError):
            customer.sudo(self.user_manager).write(
                {'eco_classification': 'confidential'})
        self.assertEqual(customer.eco_classification, 'internal')
        self.user_manager.write({'groups_id': [(4, self.group_confidential.id)]})
        with self.assertRaises(AccessError):
            customer.sudo(self.user_manager).write({'eco_classification': 'secret'})
        self.assertEqual(customer.eco_classification, 'internal')
        customer.sudo(self.user_manager).write({
            'eco_classification': 'secret',
            'eco_allowed_user_ids': [(4, self.user_manager.id)]})
        self.assertEqual(customer.eco_classification, 'secret')
        self.assertEqual(self.contacts['internal'].eco_effective_classification,
                         'secret')
        self.assertEqual((self._tracking(customer) - before).new_value_char, 'Secret')
        # the former readers lost access at once
        with self.assertRaises(AccessError):
            customer.sudo(self.user_staff).read(['name', 'email'])
        with self.assertRaises(AccessError):
            customer.sudo(self.user_conf).read(['name', 'email'])

    @mute_logger('odoo.models')
    def test_04_staff_may_not_classify(self):
        customer = self.customers['public']
        before = self._tracking(customer)
        for user in (self.user_editor, self.user_cleared_editor, self.user_staff,
                     self.user_conf, self.user_plain):
            with self.assertRaises(AccessError):
                customer.sudo(user).write({'eco_classification': 'internal'})
        self.assertEqual(customer.eco_classification, 'public')
        with self.assertRaises(AccessError):
            self.env['res.partner'].sudo(self.user_editor).create(
                {'name': 'Self-classified', 'eco_classification': 'public'})
        self.assertEqual(self.env['res.partner'].search_count(
            [('name', '=', 'Self-classified')]), 0)
        # writing the unchanged value (form save) is harmless
        customer.sudo(self.user_editor).write(
            {'eco_classification': 'public', 'phone': '+86 1'})
        self.assertEqual(customer.phone, '+86 1')
        self.assertEqual(self._tracking(customer), before)

    @mute_logger('odoo.models')
    def test_05_allowed_users_only_set_by_managers(self):
        secret = self.customers['secret']
        allowed = self.user_secret | self.user_named | self.user_cleared_editor
        self.assertEqual(secret.eco_allowed_user_ids, allowed)
        # staff: neither the secret record nor the field is accessible
        for user in (self.user_staff, self.user_editor):
            with self.assertRaises(AccessError):
                secret.sudo(user).write({'eco_allowed_user_ids': [(4, user.id)]})
            with self.assertRaises(AccessError):
                self.customers['public'].sudo(user).write(
                    {'eco_allowed_user_ids': [(4, user.id)]})
        # cleared and named, may edit contacts, but may not name others
        cleared = secret.sudo(self.user_cleared_editor)
        self.assertEqual(cleared.read(['name'])[0]['name'], 'Protected Secret Co.')
        with self.assertRaises(AccessError):
            cleared.write({'eco_allowed_user_ids': [(4, self.user_conf.id)]})
        with self.assertRaises(AccessError):
            cleared.write({'eco_allowed_user_ids': [(6, 0, [self.user_conf.id])]})
        self.assertEqual(secret.eco_allowed_user_ids, allowed)
        self.assertFalse(self.customers['public'].eco_allowed_user_ids)
        # staff do not even see who is allowed
        self.assertNotIn('eco_allowed_user_ids',
                         self.env['res.partner'].sudo(self.user_staff).fields_get())
        self.assertIn('eco_allowed_user_ids',
                      self.env['res.partner'].sudo(self.user_manager).fields_get())

    @mute_logger('odoo.models', 'odoo.addons.base.res.res_users')
    def test_06_staff_cannot_raise_own_clearance(self):
        for user in (self.user_staff, self.user_editor):
            with self.assertRaises(AccessError):
                user.sudo(user).write({'groups_id': [(4, self.group_confidential.id)]})
            with self.assertRaises(AccessError):
                self.group_confidential.sudo(user).write({'users': [(4, user.id)]})
            self.assertNotIn(self.group_confidential, user.groups_id)
        self.assertFalse(self.user_staff.has_group(
            'eco_order.group_eco_customer_confidential'))
        self.assertEqual(self._visible_levels(self.user_staff), ['internal', 'public'])
