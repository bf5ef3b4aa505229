# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared data: service groups' users, two customers, a product category with a
service template, an order of customer A accepted on 2026-11-10 with a serial."""
from odoo.tests.common import SavepointCase


def aft_users(cls):
    env = cls.env
    ref = env.ref

    def user(login, groups, **vals):
        values = {'name': login, 'login': login, 'password': login,
                  'email': '%s@example.com' % login,
                  'groups_id': [(6, 0, [g.id for g in groups])]}
        values.update(vals)
        return env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True).create(values)

    base = ref('base.group_user')
    cls.user_service = user('aft_service', [base, ref(
        'eco_aftersales.group_eco_service_user')], name='Sun Aft Service')
    cls.user_service_manager = user('aft_service_mgr', [base, ref(
        'eco_aftersales.group_eco_service_manager')], name='Ma Aft Manager')
    cls.user_order = user('aft_order', [base, ref('eco_order.group_eco_order_user')],
                          name='Oh Aft Order')
    cls.user_plain = user('aft_plain', [base], name='Pu Aft Plain')


def aft_customers(cls):
    Partner = cls.env['res.partner']
    cls.partner_a = Partner.create({
        'name': 'Aft Lakeside Water Co.', 'is_company': True, 'customer': True,
        'email': 'info@aft-lakeside.example.com', 'tz': 'Asia/Shanghai'})
    cls.partner_b = Partner.create({
        'name': 'Aft Hillside Air Ltd.', 'is_company': True, 'customer': True,
        'email': 'info@aft-hillside.example.com', 'tz': 'Asia/Shanghai'})
    cls.contact_a = Partner.create({'name': 'Amy Aft', 'parent_id': cls.partner_a.id,
                                    'email': 'amy@aft-lakeside.example.com'})
    cls.contact_b = Partner.create({'name': 'Ben Aft', 'parent_id': cls.partner_b.id,
                                    'email': 'ben@aft-hillside.example.com'})


def aft_products(cls):
    env = cls.env
    cls.categ = env['product.category'].create({'name': 'Aft Wastewater Units'})
    cls.product = env['product.product'].create({
        'name': 'Aft MBR unit', 'type': 'consu', 'list_price': 1000.0,
        'categ_id': cls.categ.id})
    cls.template = env['eco.service.template'].create({
        'name': 'Aft standard service',
        'categ_id': cls.categ.id,
        'warranty_months': 12,
        'warranty_basis': 'acceptance',
        'maintenance_included': True,
        'maintenance_interval': 3,
        'response_time_ids': [
            (0, 0, {'priority': '1', 'first_response_hours': 4.0,
                    'on_site_hours': 8.0, 'resolution_hours': 16.0}),
            (0, 0, {'priority': '2', 'first_response_hours': 2.0,
                    'on_site_hours': 4.0, 'resolution_hours': 8.0}),
        ],
    })


def aft_order(cls, partner, user):
    order = cls.env['sale.order'].create({
        'partner_id': partner.id,
        'user_id': user.id,
        'order_line': [(0, 0, {'product_id': cls.product.id, 'name': cls.product.name,
                               'product_uom_qty': 1.0})],
    })
    if 'intake_state' in order._fields:
        order.write({'intake_state': 'accepted'})
    order.action_confirm()
    return order


def aft_accept(cls, order, date):
    acceptance = cls.env['eco.acceptance'].create({
        'order_id': order.id, 'date': date, 'customer_representative': 'Amy Aft',
        'line_ids': [(0, 0, {'name': 'Effluent COD below 50 mg/L'})]})
    acceptance.line_ids.write({'result': 'passed'})
    acceptance.action_record_result()
    return acceptance


class EcoAftersalesCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(EcoAftersalesCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        company = cls.env.user.company_id
        company.resource_calendar_id = cls.env.ref('resource.resource_calendar_std')
        company.partner_id.tz = 'Asia/Shanghai'
        aft_users(cls)
        aft_customers(cls)
        aft_products(cls)
        cls.team = cls.env['helpdesk.ticket.team'].create({
            'name': 'Aft Hotline', 'user_ids': [(6, 0, cls.user_service.ids)],
            'eco_manager_id': cls.user_service_manager.id})
        cls.employee = cls.env['hr.employee'].create(
            {'name': 'Sun Aft Service', 'user_id': cls.user_service.id})
        cls.order_employee = cls.env['hr.employee'].create(
            {'name': 'Oh Aft Order', 'user_id': cls.user_order.id})
        cls.order = aft_order(cls, cls.partner_a, cls.user_order)
        cls.equipment = cls.env['eco.equipment'].create({
            'name': 'AFT-A-0001', 'product_id': cls.product.id,
            'order_id': cls.order.id, 'partner_id': cls.partner_a.id,
            'installation_date': '2026-11-02', 'site_address': 'Lakeside plant'})
        cls.acceptance = aft_accept(cls, cls.order, '2026-11-10')
        cls.commitment = cls.order.eco_commitment_ids
        cls.equipment_b = cls.env['eco.equipment'].create({
            'name': 'AFT-B-0001', 'product_id': cls.product.id,
            'partner_id': cls.partner_b.id, 'warranty_start': '2024-01-01',
            'warranty_months': 12})

    @classmethod
    def _ticket(cls, equipment, **vals):
        values = {'name': 'Aft pump noise', 'eco_equipment_id': equipment.id,
                  'team_id': cls.team.id, 'user_id': cls.user_service.id,
                  'priority': '1'}
        values.update(vals)
        return cls.env['helpdesk.ticket'].create(values)
