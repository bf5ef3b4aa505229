# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared set-up of the customer-protection tests (R7.2): one customer company
per level, each with a contact and an order, and users of each clearance."""
from .common import EcoOrderCase


class EcoProtectionCase(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(EcoProtectionCase, cls).setUpClass()
        cls.group_confidential = cls.env.ref(
            'eco_order.group_eco_customer_confidential')
        Partner = cls.env['res.partner']
        cls.customers = {}
        cls.contacts = {}
        cls.orders = {}
        for level in ('public', 'internal', 'confidential', 'secret'):
            company = Partner.create({
                'name': 'Protected %s Co.' % level.capitalize(),
                'is_company': True, 'customer': True,
                'email': '%s@protected.example.com' % level})
            cls.customers[level] = company
            cls.contacts[level] = Partner.create({
                'name': 'Contact of %s' % level, 'parent_id': company.id,
                'email': 'contact.%s@protected.example.com' % level})
            # orders are created by staff while the customer is still internal
            cls.orders[level] = cls._create_order(company)
        cls.user_conf = cls._create_user(
            'eco_conf', cls.group_user | cls.group_eco_user | cls.group_confidential,
            name='Cora Confidential')
        cls.user_secret = cls._create_user(
            'eco_secret', cls.group_user | cls.group_eco_user | cls.group_confidential,
            name='Sid Secret')
        # named on the secret customer but without the confidential group
        cls.user_named = cls._create_user(
            'eco_named', cls.group_user | cls.group_eco_user, name='Ned Named')
        for level in ('public', 'confidential', 'secret'):
            cls.customers[level].write({'eco_classification': level})
        cls.customers['secret'].write({
            'eco_allowed_user_ids': [(6, 0, (cls.user_secret | cls.user_named).ids)]})
        cls.all_customers = Partner.browse(
            [cls.customers[level].id for level in
             ('public', 'internal', 'confidential', 'secret')])
        cls.all_orders = cls.env['sale.order'].browse(
            [cls.orders[level].id for level in
             ('public', 'internal', 'confidential', 'secret')])

    def _visible_levels(self, user):
        """Levels of the test customers ``user`` can find by search."""
        found = self.env['res.partner'].sudo(user).search(
            [('id', 'in', self.all_customers.ids)])
        return sorted(found.sudo().mapped('eco_classification'))
