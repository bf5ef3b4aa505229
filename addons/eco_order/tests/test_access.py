# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Access rights and record rules of needs, standards and orders per group."""
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import EcoOrderCase


class TestAccess(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestAccess, cls).setUpClass()
        cls.department = cls.env['hr.department'].create({'name': 'Access Dept'})
        cls.order = cls._create_order(cls.partner_a)
        # the portal user of partner_a follows the order, so may read it
        cls.order.message_subscribe(partner_ids=[cls.contact_a.id])
        cls.need = cls.env['eco.order.need'].create({
            'order_id': cls.order.id,
            'description': 'Wants VOC treatment next year',
            'kind': 'cooperation',
            'department_id': cls.department.id,
        })
        cls.standard = cls.env.ref('eco_order.eco_standard_gb_3838_2002')

    def _need_vals(self):
        return {
            'partner_id': self.partner_a.id,
            'description': 'Needs noise survey',
            'department_id': self.department.id,
        }

    def test_01_staff_create_read_write_not_unlink(self):
        Need = self.env['eco.order.need'].sudo(self.user_staff)
        need = Need.create(self._need_vals())
        self.assertEqual(need.state, 'routed')
        self.assertEqual(Need.search([('id', 'in', (need | self.need).ids)]),
                         need | self.need)
        need.write({'description': 'Needs noise survey at night'})
        self.assertEqual(need.description, 'Needs noise survey at night')
        self.assertEqual(self.order.sudo(self.user_staff).need_ids, self.need)
        with self.assertRaises(AccessError), mute_logger('odoo.models'):
            need.unlink()
        self.assertTrue(need.exists())
        self.need.sudo(self.user_manager).unlink()
        self.assertFalse(self.need.exists())

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model')
    def test_02_plain_internal_user_has_no_access_to_needs(self):
        Need = self.env['eco.order.need'].sudo(self.user_plain)
        with self.assertRaises(AccessError):
            Need.search([])
        with self.assertRaises(AccessError):
            self.need.sudo(self.user_plain).read(['description'])
        with self.assertRaises(AccessError):
            Need.create(self._need_vals())
        self.assertEqual(self.env['eco.order.need'].search_count(
            [('description', '=', 'Needs noise survey')]), 0)

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model')
    def test_03_portal_user_has_no_access_to_needs(self):
        Need = self.env['eco.order.need'].sudo(self.user_portal_a)
        with self.assertRaises(AccessError):
            Need.search([])
        with self.assertRaises(AccessError):
            self.need.sudo(self.user_portal_a).read(['description'])
        with self.assertRaises(AccessError):
            Need.create(self._need_vals())
        # the portal user may read the order, but not its needs
        order = self.order.sudo(self.user_portal_a)
        self.assertEqual(order.read(['name'])[0]['name'], self.order.name)
        with self.assertRaises(AccessError):
            order.read(['need_ids'])
        with self.assertRaises(AccessError):
            order.read(['need_count'])
        self.assertNotIn('need_ids', order.fields_get())

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model')
    def test_04_standards_readable_by_all_editable_by_staff(self):
        for user in (self.user_portal_a, self.user_plain, self.user_staff):
            self.assertEqual(self.standard.sudo(user).read(['code'])[0]['code'],
                             'GB 3838-2002')
        for user in (self.user_portal_a, self.user_plain):
            with self.assertRaises(AccessError):
                self.standard.sudo(user).write({'name': 'Changed'})
            with self.assertRaises(AccessError):
                self.env['eco.environmental.standard'].sudo(user).create(
                    {'code': 'HJ 1-2000', 'name': 'X'})
        self.assertEqual(self.standard.name,
                         'Environmental Quality Standards for Surface Water')
        std = self.env['eco.environmental.standard'].sudo(self.user_staff).create(
            {'code': 'HJ 1-2000', 'name': 'Test standard', 'medium': 'other'})
        with self.assertRaises(AccessError):
            std.unlink()
        std.sudo(self.user_manager).unlink()
        self.assertFalse(std.exists())

    def test_05_staff_create_and_write_orders(self):
        order = self.env['sale.order'].sudo(self.user_staff).create(
            self._order_values(self.partner_b))
        order.write({'intake_note': 'Called back'})
        self.assertEqual(order.intake_note, 'Called back')
        self.assertEqual(order.intake_received_by_id, self.user_staff)

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_rule')
    def test_06_multi_company_rule(self):
        company_2 = self.env['res.company'].create({'name': 'Eco Subsidiary'})
        other_need = self.env['eco.order.need'].create(dict(
            self._need_vals(), company_id=company_2.id))
        Need = self.env['eco.order.need'].sudo(self.user_staff)
        self.assertEqual(Need.search([('id', 'in', (other_need | self.need).ids)]),
                         self.need)
        with self.assertRaises(AccessError):
            other_need.sudo(self.user_staff).read(['description'])
        # a user allowed in both companies, working in the second one, sees it
        self.user_manager.write({
            'company_ids': [(4, company_2.id)], 'company_id': company_2.id})
        self.assertEqual(
            self.env['eco.order.need'].sudo(self.user_manager).search(
                [('id', 'in', (other_need | self.need).ids)]),
            other_need)

    def test_07_menus_per_group(self):
        Menu = self.env['ir.ui.menu']
        root = self.env.ref('eco_order.menu_eco_order_root')
        needs = self.env.ref('eco_order.eco_order_need_menu')
        standards = self.env.ref('eco_order.eco_environmental_standard_menu')
        menus = root | needs | standards
        self.assertEqual(Menu.sudo(self.user_plain).search([('id', 'in', menus.ids)]),
                         Menu)
        self.assertEqual(Menu.sudo(self.user_staff).search([('id', 'in', menus.ids)]),
                         root | needs)
        self.assertEqual(
            Menu.sudo(self.user_manager).search([('id', 'in', menus.ids)]), menus)
