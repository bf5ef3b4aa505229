# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared test data of eco_order: users of every group, two customer companies.

API (kept stable, other test files import it):
- ``EcoOrderCase(SavepointCase)`` with ``user_staff``, ``user_manager``,
  ``user_portal_a``, ``user_portal_b`` (portal users, contacts of ``partner_a``
  / ``partner_b``), ``user_plain`` (internal user without eco group),
  customers ``partner_a``, ``partner_b`` (companies), ``contact_a``,
  ``contact_b`` (the portal users' partners), ``product_service`` (a service
  product with a description) and ``product_unspecified``.
- ``_create_order(partner, **vals)`` a complete order (one line with
  specification and quantity, required date, contact, phone, address),
  created by ``user_staff`` unless ``user=`` is given; ``vals`` override.
- ``_create_user(login, groups, **vals)``.
"""
from datetime import timedelta

from odoo import fields
from odoo.tests.common import SavepointCase


class EcoOrderCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(EcoOrderCase, cls).setUpClass()
        cls.env = cls.env(context=dict(
            cls.env.context, no_reset_password=True, mail_notrack=False,
            tracking_disable=False))
        cls.partner_a = cls.env['res.partner'].create({
            'name': 'Green Water Co.',
            'is_company': True,
            'customer': True,
            'email': 'info@greenwater.example.com',
            'phone': '+86 10 1111 0000',
            'street': '1 River Road',
            'city': 'Beijing',
        })
        cls.partner_b = cls.env['res.partner'].create({
            'name': 'Clean Air Ltd.',
            'is_company': True,
            'customer': True,
            'email': 'info@cleanair.example.com',
            'phone': '+86 21 2222 0000',
            'street': '2 Wind Street',
            'city': 'Shanghai',
        })
        cls.contact_a = cls.env['res.partner'].create({
            'name': 'Alice Green',
            'parent_id': cls.partner_a.id,
            'email': 'alice@greenwater.example.com',
            'phone': '+86 10 1111 0001',
        })
        cls.contact_b = cls.env['res.partner'].create({
            'name': 'Bob Clean',
            'parent_id': cls.partner_b.id,
            'email': 'bob@cleanair.example.com',
            'phone': '+86 21 2222 0001',
        })
        cls.group_user = cls.env.ref('base.group_user')
        cls.group_portal = cls.env.ref('base.group_portal')
        cls.group_eco_user = cls.env.ref('eco_order.group_eco_order_user')
        cls.group_eco_manager = cls.env.ref('eco_order.group_eco_order_manager')
        cls.user_staff = cls._create_user(
            'eco_test_staff', cls.group_user | cls.group_eco_user,
            name='Sam Staff', email='staff@eco.example.com')
        cls.user_manager = cls._create_user(
            'eco_test_manager', cls.group_user | cls.group_eco_manager,
            name='Mia Manager', email='manager@eco.example.com')
        cls.user_plain = cls._create_user(
            'eco_test_plain', cls.group_user,
            name='Pat Plain', email='plain@eco.example.com')
        cls.user_portal_a = cls._create_user(
            'eco_test_portal_a', cls.group_portal, partner_id=cls.contact_a.id)
        cls.user_portal_b = cls._create_user(
            'eco_test_portal_b', cls.group_portal, partner_id=cls.contact_b.id)
        cls.product_service = cls.env['product.product'].create({
            'name': 'Wastewater monitoring service',
            'type': 'service',
            'sale_ok': True,
            'list_price': 1000.0,
            'description_sale': 'Monthly sampling and analysis of effluent',
        })
        cls.product_unspecified = cls.env.ref(
            'eco_order.product_product_eco_unspecified')
        cls.required_date = fields.Date.to_string(
            fields.Date.from_string(fields.Date.today()) + timedelta(days=14))

    @classmethod
    def _create_user(cls, login, groups, **vals):
        values = {
            'name': login,
            'login': login,
            'groups_id': [(6, 0, groups.ids)],
        }
        if vals.get('partner_id'):
            # keep the partner's own name and email
            partner = cls.env['res.partner'].browse(vals['partner_id'])
            values['name'] = partner.name
        else:
            values['email'] = '%s@example.com' % login
        values.update(vals)
        return cls.env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True).create(values)

    @classmethod
    def _order_values(cls, partner, **vals):
        values = {
            'partner_id': partner.id,
            'intake_channel': 'phone',
            'intake_contact_name': 'Contact of %s' % partner.name,
            'intake_contact_phone': '+86 10 5555 0000',
            'intake_site_address': '99 Plant Road, Industrial Park',
            'intake_required_date': cls.required_date,
            'order_line': [(0, 0, {
                'product_id': cls.product_service.id,
                'name': 'Wastewater monitoring service',
                'eco_specification': 'COD, NH3-N; GB 8978-1996',
                'product_uom_qty': 2.0,
            })],
        }
        values.update(vals)
        return values

    @classmethod
    def _create_order(cls, partner, user=None, **vals):
        """Create a complete order request for ``partner`` as ``user``."""
        user = user or cls.user_staff
        return cls.env['sale.order'].sudo(user).create(
            cls._order_values(partner, **vals)).sudo(cls.env.uid)
