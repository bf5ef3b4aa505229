# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Test data of eco_stock: purchase/stock users and managers, a technician,
product categories, qualified and candidate vendors, a stockable pump."""
from datetime import timedelta

from odoo import fields

from odoo.addons.eco_order.tests.common_accept import EcoAcceptCase


def eco_stock_data(cls):
    env = cls.env
    ref = env.ref

    def user(login, groups, **vals):
        values = {'name': login, 'login': login, 'password': login,
                  'email': '%s@example.com' % login,
                  'groups_id': [(6, 0, [g.id for g in groups])]}
        values.update(vals)
        return env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True).create(values)

    base_user = ref('base.group_user')
    cls.purchase_user = user('st_purchase_user', [base_user,
                                                  ref('purchase.group_purchase_user')])
    cls.purchase_manager = user('st_purchase_manager', [
        base_user, ref('purchase.group_purchase_manager')], name='Pia Purchase Manager')
    cls.stock_user = user('st_stock_user', [base_user, ref('stock.group_stock_user')])
    cls.stock_manager = user('st_stock_manager', [
        base_user, ref('stock.group_stock_manager'), ref('account.group_account_user')])
    cls.tech_user = user('st_technician', [ref('eco_stock.group_eco_technician')],
                         name='Tom Technician')
    cls.tech_other = user('st_technician_2', [ref('eco_stock.group_eco_technician')])
    cls.technician = env['hr.employee'].create({'name': 'Tom Technician',
                                                'user_id': cls.tech_user.id})
    Category = env['product.category']
    cls.categ_root = Category.create({'name': 'St Goods',
                                      'eco_vendor_qualification': True})
    cls.categ_equipment = Category.create({'name': 'St Equipment',
                                           'parent_id': cls.categ_root.id})
    cls.categ_reagent = Category.create({'name': 'St Reagents',
                                         'parent_id': cls.categ_root.id})
    Partner = env['res.partner'].with_context(mail_create_nosubscribe=True)
    cls.vendor_good = Partner.create({'name': 'St Good Pumps Ltd', 'is_company': True,
                                      'supplier': True})
    cls.vendor_bad = Partner.create({'name': 'St Cheap Pumps Ltd', 'is_company': True,
                                     'supplier': True})
    cls.vendor_other = Partner.create({'name': 'St Other Pumps Ltd', 'is_company': True,
                                       'supplier': True})
    (cls.vendor_good | cls.vendor_other).sudo(cls.purchase_manager).action_eco_qualify()
    cls.pump = env['product.product'].create({
        'name': 'St Dosing pump', 'type': 'product', 'categ_id': cls.categ_equipment.id,
        'list_price': 300.0, 'standard_price': 100.0,
        'seller_ids': [
            (0, 0, {'name': cls.vendor_bad.id, 'sequence': 1, 'price': 90.0}),
            (0, 0, {'name': cls.vendor_good.id, 'sequence': 2, 'price': 120.0}),
        ],
    })
    cls.warehouse = ref('stock.warehouse0')
    cls.stock_location = cls.warehouse.lot_stock_id
    cls.supplier_location = ref('stock.stock_location_suppliers')
    cls.customer_location = ref('stock.stock_location_customers')
    cls.today = fields.Date.today()


def days(n):
    return fields.Date.to_string(fields.Date.from_string(fields.Date.today())
                                 + timedelta(days=n))


class EcoStockCase(EcoAcceptCase):

    @classmethod
    def setUpClass(cls):
        super(EcoStockCase, cls).setUpClass()
        eco_stock_data(cls)

    @classmethod
    def _purchase(cls, vendor, product, qty=10.0, price=100.0, user=None):
        env = cls.env if user is None else cls.env(user=user.id)
        return env['purchase.order'].create({
            'partner_id': vendor.id,
            'order_line': [(0, 0, {
                'product_id': product.id, 'name': product.name, 'product_qty': qty,
                'price_unit': price, 'product_uom': product.uom_po_id.id,
                'date_planned': fields.Datetime.now()})],
        })

    @classmethod
    def _receive(cls, vendor, product, qty, scheduled, done):
        """A done receipt of ``qty`` from ``vendor``, scheduled / done then."""
        picking = cls.env['stock.picking'].create({
            'partner_id': vendor.id,
            'picking_type_id': cls.warehouse.in_type_id.id,
            'location_id': cls.supplier_location.id,
            'location_dest_id': cls.stock_location.id,
            'scheduled_date': scheduled + ' 10:00:00',
            'move_lines': [(0, 0, {
                'name': product.name, 'product_id': product.id,
                'product_uom': product.uom_id.id, 'product_uom_qty': qty,
                'location_id': cls.supplier_location.id,
                'location_dest_id': cls.stock_location.id})],
        })
        picking.action_confirm()
        picking.move_lines.write({'quantity_done': qty})
        picking.action_done()
        picking.write({'date_done': done + ' 12:00:00',
                       'scheduled_date': scheduled + ' 10:00:00'})
        return picking
