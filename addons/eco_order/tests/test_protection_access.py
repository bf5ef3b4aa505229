# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer classification (R7.2): access per group and level by record rules."""
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .test_protection_common import EcoProtectionCase


class TestProtectionAccess(EcoProtectionCase):

    def _assert_reads(self, user, level):
        customer = self.customers[level].sudo(user)
        contact = self.contacts[level].sudo(user)
        self.assertEqual(customer.read(['name', 'email'])[0]['email'],
                         '%s@protected.example.com' % level)
        self.assertEqual(contact.read(['name'])[0]['name'], 'Contact of %s' % level)
        order = self.orders[level].sudo(user)
        self.assertEqual(order.read(['name'])[0]['name'], self.orders[level].name)
        line = order.order_line.read(['product_uom_qty'])[0]
        self.assertEqual(line['product_uom_qty'], 2.0)

    @mute_logger('odoo.models')
    def _assert_denied(self, user, level):
        for record in (self.customers[level], self.contacts[level], self.orders[level],
                       self.orders[level].order_line):
            with self.assertRaises(AccessError):
                record.sudo(user).read(['display_name', 'create_date'])

    def test_01_effective_level_follows_commercial_partner(self):
        self.assertEqual(self.contacts['confidential'].eco_effective_classification,
                         'confidential')
        self.assertEqual(self.contacts['internal'].eco_effective_classification,
                         'internal')
        delivery = self.env['res.partner'].create({
            'name': 'Site of secret', 'type': 'delivery',
            'parent_id': self.customers['secret'].id})
        self.assertEqual(delivery.eco_effective_classification, 'secret')
        self.customers['secret'].write({'eco_classification': 'public'})
        self.assertEqual(delivery.eco_effective_classification, 'public')
        self.assertEqual(self.contacts['secret'].eco_effective_classification, 'public')
        # a contact's own value does not lift it out of its company's level
        self.contacts['confidential'].write({'eco_classification': 'public'})
        self.assertEqual(self.contacts['confidential'].eco_effective_classification,
                         'confidential')
        self.assertEqual(self.env['res.partner'].search_count([
            ('id', '=', self.contacts['secret'].id),
            ('eco_effective_classification', '=', 'public')]), 1)
        # a contact moving to another company takes that company's level
        self.contacts['public'].write({'parent_id': self.customers['confidential'].id})
        self.assertEqual(self.contacts['public'].eco_effective_classification,
                         'confidential')
        self.assertEqual(self.orders['confidential'].eco_classification, 'confidential')

    def test_02_staff_reads_public_and_internal_only(self):
        for level in ('public', 'internal'):
            self._assert_reads(self.user_staff, level)
        for level in ('confidential', 'secret'):
            self._assert_denied(self.user_staff, level)

    def test_03_staff_search_counts(self):
        self.assertEqual(self._visible_levels(self.user_staff), ['internal', 'public'])
        Order = self.env['sale.order'].sudo(self.user_staff)
        self.assertEqual(Order.search([('id', 'in', self.all_orders.ids)]),
                         self.orders['public'] | self.orders['internal'])
        self.assertEqual(Order.search_count([('id', 'in', self.all_orders.ids)]), 2)
        lines = self.env['sale.order.line'].sudo(self.user_staff).search(
            [('order_id', 'in', self.all_orders.ids)])
        self.assertEqual(sorted(lines.mapped('order_id').ids),
                         sorted((self.orders['public'] | self.orders['internal']).ids))
        contacts = self.env['res.partner'].sudo(self.user_staff).search(
            [('parent_id', 'in', self.all_customers.ids)])
        self.assertEqual(contacts, self.contacts['public'] | self.contacts['internal'])

    def test_04_plain_and_manager_without_clearance(self):
        self.assertEqual(self._visible_levels(self.user_plain), ['internal', 'public'])
        self.assertEqual(self._visible_levels(self.user_manager),
                         ['internal', 'public'])
        self._assert_reads(self.user_manager, 'internal')
        self._assert_denied(self.user_manager, 'confidential')
        self._assert_denied(self.user_manager, 'secret')

    def test_05_confidential_group_reads_confidential_not_secret(self):
        self.assertEqual(self._visible_levels(self.user_conf),
                         ['confidential', 'internal', 'public'])
        for level in ('public', 'internal', 'confidential'):
            self._assert_reads(self.user_conf, level)
        self._assert_denied(self.user_conf, 'secret')
        # the order search filter "Confidential Customers" of the views
        self.assertEqual(self.env['sale.order'].sudo(self.user_conf).search([
            ('id', 'in', self.all_orders.ids),
            ('partner_id.eco_effective_classification', 'in',
             ['confidential', 'secret'])]), self.orders['confidential'])

    def test_06_secret_only_for_named_users_with_clearance(self):
        self.assertEqual(self._visible_levels(self.user_secret),
                         ['confidential', 'internal', 'public', 'secret'])
        for level in ('confidential', 'secret'):
            self._assert_reads(self.user_secret, level)
        # named on the customer, but not in the confidential group
        self.assertEqual(self._visible_levels(self.user_named), ['internal', 'public'])
        self._assert_denied(self.user_named, 'secret')
        # clearance given later by an administrator takes effect at once
        self.user_named.write({'groups_id': [(4, self.group_confidential.id)]})
        self._assert_reads(self.user_named, 'secret')

    @mute_logger('odoo.models')
    def test_07_staff_cannot_write_or_create_under_confidential(self):
        with self.assertRaises(AccessError):
            self.customers['confidential'].sudo(self.user_staff).write(
                {'phone': '+86 000'})
        with self.assertRaises(AccessError):
            self.env['res.partner'].sudo(self.user_staff).create({
                'name': 'New contact', 'parent_id': self.customers['secret'].id})
        with self.assertRaises(AccessError):
            self.env['sale.order'].sudo(self.user_staff).create(
                self._order_values(self.customers['confidential']))
        self.assertFalse(self.customers['confidential'].phone)
        self.assertEqual(self.env['sale.order'].search_count(
            [('partner_id', '=', self.customers['confidential'].id)]), 1)

    def test_08_portal_user_sees_only_own_company_whatever_level(self):
        order = self._create_order(self.partner_a)
        self.partner_a.write({'eco_classification': 'secret'})
        order.message_subscribe(partner_ids=[self.contact_a.id])
        Partner = self.env['res.partner'].sudo(self.user_portal_a)
        self.assertEqual(Partner.browse(self.partner_a.id).read(['name'])[0]['name'],
                         'Green Water Co.')
        self.assertEqual(Partner.browse(self.contact_a.id).read(['email'])[0]['email'],
                         self.contact_a.email)
        self.assertEqual(self.contact_a.eco_effective_classification, 'secret')
        self.assertEqual(
            self.env['sale.order'].sudo(self.user_portal_a).search(
                [('partner_id', '=', self.partner_a.id)]), order)
        self.assertEqual(order.sudo(self.user_portal_a).read(['name'])[0]['name'],
                         order.name)
        self.assertEqual(
            Partner.search([('id', 'in', (self.partner_a | self.partner_b
                                          | self.all_customers).ids)]),
            self.partner_a)
        with self.assertRaises(AccessError), mute_logger('odoo.models'):
            Partner.browse(self.partner_b.id).read(['name'])

    def test_09_own_company_and_employees_stay_readable(self):
        company_partner = self.env.user.company_id.partner_id
        employee_partner = self.user_manager.partner_id
        (company_partner | employee_partner).write({'eco_classification': 'secret'})
        self.assertEqual(employee_partner.eco_effective_classification, 'secret')
        for user in (self.user_staff, self.user_plain):
            self.assertEqual(
                company_partner.sudo(user).read(['name'])[0]['name'],
                company_partner.name)
        self.assertEqual(
            employee_partner.sudo(self.user_staff).read(['name'])[0]['name'],
            'Mia Manager')
        self.assertEqual(self.user_staff.partner_id.sudo(self.user_staff).read(
            ['name'])[0]['name'], 'Sam Staff')

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_attachment')
    def test_10_attachments_follow_their_record(self):
        Attachment = self.env['ir.attachment']
        documents = Attachment
        for level in ('public', 'confidential'):
            documents |= Attachment.create({
                'name': 'contract-%s.txt' % level, 'datas_fname': 'contract.txt',
                'datas': 'Y29udHJhY3Q=', 'res_model': 'res.partner',
                'res_id': self.customers[level].id})
            documents |= Attachment.create({
                'name': 'order-%s.txt' % level, 'datas_fname': 'order.txt',
                'datas': 'b3JkZXI=', 'res_model': 'sale.order',
                'res_id': self.orders[level].id})
        public_docs = documents.filtered(lambda a: a.name.endswith('public.txt'))
        secret_docs = documents - public_docs
        StaffAttachment = Attachment.sudo(self.user_staff)
        self.assertEqual(StaffAttachment.search([('id', 'in', documents.ids)]),
                         public_docs)
        for document in secret_docs:
            with self.assertRaises(AccessError):
                document.sudo(self.user_staff).read(['name'])
        self.assertEqual(
            Attachment.sudo(self.user_conf).search([('id', 'in', documents.ids)]),
            documents)
        self.assertEqual(secret_docs[0].sudo(self.user_conf).read(['name'])[0]['name'],
                         'contract-confidential.txt')

    @mute_logger('odoo.models')
    def test_11_export_as_staff_refused(self):
        with self.assertRaises(AccessError):
            self.customers['confidential'].sudo(self.user_staff).export_data(
                ['name', 'email'])
        with self.assertRaises(AccessError):
            self.orders['secret'].sudo(self.user_staff).export_data(['name'])
        rows = self.all_customers.sudo(self.user_staff).search(
            [('id', 'in', self.all_customers.ids)]).export_data(['name'])['datas']
        self.assertEqual(sorted(row[0] for row in rows),
                         ['Protected Internal Co.', 'Protected Public Co.'])
        rows = self.customers['confidential'].sudo(self.user_conf).export_data(
            ['email'])['datas']
        self.assertEqual(rows, [['confidential@protected.example.com']])

    def test_12_sales_analysis_hides_confidential_customers(self):
        Report = self.env['sale.report']
        domain = [('commercial_partner_id', 'in', self.all_customers.ids)]

        def customers_in_report(user):
            groups = Report.sudo(user).read_group(
                domain, ['commercial_partner_id', 'price_total'],
                ['commercial_partner_id'])
            return sorted(group['commercial_partner_id'][1] for group in groups)
        self.assertEqual(customers_in_report(self.user_staff),
                         ['Protected Internal Co.', 'Protected Public Co.'])
        self.assertEqual(customers_in_report(self.user_conf),
                         ['Protected Confidential Co.', 'Protected Internal Co.',
                          'Protected Public Co.'])
        self.assertEqual(len(customers_in_report(self.user_secret)), 4)
