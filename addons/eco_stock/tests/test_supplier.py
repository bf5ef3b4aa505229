# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import EcoStockCase, days


class TestSupplier(EcoStockCase):

    def test_states_and_rights(self):
        self.assertEqual(self.vendor_good.eco_supplier_state, 'qualified')
        self.assertEqual(self.vendor_good.eco_supplier_approved_by_id,
                         self.purchase_manager)
        self.assertEqual(self.vendor_bad.eco_supplier_state, 'candidate')
        with self.assertRaises(AccessError):
            self.vendor_bad.sudo(self.purchase_user).action_eco_qualify()
        with self.assertRaises(AccessError):
            self.vendor_bad.sudo(self.purchase_user).write(
                {'eco_supplier_state': 'qualified'})
        with self.assertRaises(AccessError):
            self.env['eco.supplier.qualification'].sudo(self.purchase_user).create({
                'partner_id': self.vendor_bad.id, 'categ_id': self.categ_reagent.id,
                'state': 'qualified'})
        self.assertEqual(self.vendor_bad.eco_supplier_state, 'candidate')
        self.vendor_good.sudo(self.purchase_manager).action_eco_suspend()
        self.assertEqual(self.vendor_good.eco_supplier_state, 'suspended')
        self.assertIn('Suspended', self.vendor_good.message_ids[0].body)

    def test_existing_vendors_qualified_on_install(self):
        # the hook qualifies commercial vendors that existed before installation
        vendor = self.env['res.partner'].create({'name': 'St Old Vendor',
                                                 'is_company': True, 'supplier': True})
        self.assertEqual(vendor.eco_supplier_state, 'candidate')
        self.env['res.partner']._eco_qualify_existing_vendors()
        vendor.invalidate_cache()
        self.assertEqual(vendor.eco_supplier_state, 'qualified')

    def test_po_refused_and_override(self):
        po = self._purchase(self.vendor_bad, self.pump, user=self.purchase_user)
        with self.assertRaises(UserError) as ctx:
            po.sudo(self.purchase_user).button_confirm()
        self.assertIn('St Cheap Pumps Ltd is not qualified', ctx.exception.name)
        self.assertEqual(po.state, 'draft')
        # qualified for reagents only: the pump's category is still refused
        self.vendor_bad.sudo(self.purchase_manager).action_eco_qualify()
        self.env['eco.supplier.qualification'].sudo(self.purchase_manager).create({
            'partner_id': self.vendor_bad.id, 'categ_id': self.categ_reagent.id,
            'state': 'qualified'})
        with self.assertRaises(UserError) as ctx:
            po.sudo(self.purchase_user).button_confirm()
        self.assertIn('St Goods / St Equipment', ctx.exception.name)
        self.assertEqual(po.state, 'draft')
        # override: purchase managers only, with a reason
        with self.assertRaises(AccessError):
            po.sudo(self.purchase_user)._eco_override_qualification('urgent')
        with self.assertRaises(UserError):
            po.sudo(self.purchase_manager)._eco_override_qualification('  ')
        self.assertFalse(po.eco_qualification_override)
        wizard = self.env['eco.purchase.override'].sudo(self.purchase_manager).create({
            'purchase_id': po.id, 'reason': 'Plant stopped <b>now</b>'})
        wizard.action_confirm()
        self.assertTrue(po.eco_qualification_override)
        self.assertEqual(po.eco_override_user_id, self.purchase_manager)
        self.assertIn('Plant stopped &lt;b&gt;now&lt;/b&gt;', po.message_ids[0].body)
        po.sudo(self.purchase_user).button_confirm()
        self.assertIn(po.state, ('purchase', 'to approve'))

    def test_po_qualified_for_category(self):
        self.env['eco.supplier.qualification'].sudo(self.purchase_manager).create({
            'partner_id': self.vendor_good.id, 'categ_id': self.categ_root.id,
            'state': 'qualified'})
        po = self._purchase(self.vendor_good, self.pump)
        po.sudo(self.purchase_manager).button_confirm()
        self.assertEqual(po.state, 'purchase')

    def test_procurement_skips_unqualified(self):
        buy = self.env.ref('purchase.route_warehouse0_buy')
        self.pump.write({'route_ids': [(6, 0, buy.ids)]})
        group = self.env['procurement.group'].create({'name': 'St proc'})
        self.env['procurement.group'].run(
            self.pump, 5.0, self.pump.uom_id, self.stock_location, 'St need', 'St need',
            {'warehouse_id': self.warehouse, 'company_id': self.env.user.company_id,
             'date_planned': fields.Datetime.now(), 'group_id': group})
        line = self.env['purchase.order.line'].search(
            [('product_id', '=', self.pump.id), ('order_id.origin', '=', 'St need')])
        self.assertEqual(line.order_id.partner_id, self.vendor_good)
        self.assertEqual(line.price_unit, 120.0)
        # nobody qualified: a clear error, no purchase order
        self.vendor_good.sudo(self.purchase_manager).action_eco_suspend()
        with self.assertRaises(UserError):
            self.env['procurement.group'].run(
                self.pump, 5.0, self.pump.uom_id, self.stock_location, 'St n2', 'St n2',
                {'warehouse_id': self.warehouse, 'company_id': self.env.user.company_id,
                 'date_planned': fields.Datetime.now()})
        self.assertFalse(self.env['purchase.order'].search([('origin', '=', 'St n2')]))

    def test_procurement_best_score(self):
        buy = self.env.ref('purchase.route_warehouse0_buy')
        self.pump.write({'route_ids': [(6, 0, buy.ids)], 'seller_ids': [(0, 0, {
            'name': self.vendor_other.id, 'sequence': 3, 'price': 130.0})]})
        self.vendor_other.write({'eco_supplier_score': 95.0})
        self.vendor_good.write({'eco_supplier_score': 70.0})
        self.env['procurement.group'].run(
            self.pump, 1.0, self.pump.uom_id, self.stock_location, 'St n3', 'St n3',
            {'warehouse_id': self.warehouse, 'company_id': self.env.user.company_id,
             'date_planned': fields.Datetime.now()})
        po = self.env['purchase.order'].search([('origin', '=', 'St n3')])
        self.assertEqual(po.partner_id, self.vendor_other)

    def test_expiry_cron_once_and_suspension(self):
        iso = self.env.ref('eco_stock.doc_type_iso9001')
        licence = self.env.ref('eco_stock.doc_type_business_licence')
        self.categ_equipment.write(
            {'eco_required_document_type_ids': [(6, 0, iso.ids)]})
        Doc = self.env['eco.supplier.document']
        expiring = Doc.create({'name': 'ISO-1', 'partner_id': self.vendor_good.id,
                               'type_id': licence.id, 'date_until': days(10)})
        later = Doc.create({'name': 'ISO-2', 'partner_id': self.vendor_good.id,
                            'type_id': licence.id, 'date_until': days(60)})
        self.assertEqual(expiring.state, 'expiring')
        self.assertEqual(later.state, 'valid')
        managers = Doc._eco_purchase_managers()
        self.assertIn(self.purchase_manager, managers)
        Doc._cron_eco_document_expiry()
        Doc._cron_eco_document_expiry()
        activities = self.env['mail.activity'].search([
            ('res_model', '=', 'eco.supplier.document'), ('res_id', '=', expiring.id)])
        self.assertEqual(len(activities), len(managers))
        self.assertEqual(len(activities.filtered(
            lambda a: a.user_id == self.purchase_manager)), 1)
        self.assertFalse(self.env['mail.activity'].search([
            ('res_model', '=', 'eco.supplier.document'), ('res_id', '=', later.id)]))
        self.assertEqual(self.vendor_good.eco_supplier_state, 'qualified')
        # a document not required by the vendor's categories expires: no suspension
        expiring.write({'date_until': days(-1)})
        Doc._cron_eco_document_expiry()
        self.assertEqual(self.vendor_good.eco_supplier_state, 'qualified')
        # the required ISO 9001 expires: suspended, once
        Doc.create({'name': 'ISO9001-7', 'partner_id': self.vendor_good.id,
                    'type_id': iso.id, 'date_until': days(-2)})
        Doc._cron_eco_document_expiry()
        self.assertEqual(self.vendor_good.eco_supplier_state, 'suspended')
        self.assertIn('ISO9001-7', self.vendor_good.eco_supplier_state_reason)
        self.vendor_good.sudo(self.purchase_manager).action_eco_qualify()
        Doc._cron_eco_document_expiry()
        self.assertEqual(self.vendor_good.eco_supplier_state, 'qualified')

    def test_document_dates_validated(self):
        with self.assertRaises(ValidationError):
            with self.cr.savepoint():
                self.env['eco.supplier.document'].create({
                    'name': 'BAD', 'partner_id': self.vendor_good.id,
                    'type_id': self.env.ref('eco_stock.doc_type_iso9001').id,
                    'date_from': days(5), 'date_until': days(1)})

    def test_call_for_tenders(self):
        self.categ_equipment.eco_tender_required = True
        self.env['ir.config_parameter'].set_param('eco_stock.tender_amount', '1000')
        big = self._purchase(self.vendor_good, self.pump, qty=20.0, price=120.0)
        with self.assertRaises(UserError) as ctx:
            big.button_confirm()
        self.assertIn('call for tenders', ctx.exception.name)
        self.assertEqual(big.state, 'draft')
        tender = self.env['purchase.requisition'].create({
            'line_ids': [(0, 0, {'product_id': self.pump.id, 'product_qty': 20.0,
                                 'product_uom_id': self.pump.uom_id.id})]})
        offer_good = self._purchase(self.vendor_good, self.pump, qty=20.0, price=120.0)
        offer_other = self._purchase(
            self.vendor_other, self.pump, qty=20.0, price=110.0)
        offer_good.requisition_id = tender
        offer_other.requisition_id = tender
        self.vendor_other.eco_supplier_score = 88.5
        rows = tender._eco_quotation_rows()
        self.assertEqual([r[0] for r in rows], [offer_other, offer_good])
        self.assertIn('88.50', tender.eco_comparison)
        with self.assertRaises(UserError):
            tender._eco_decide(offer_other, '')
        tender._eco_decide(offer_other, 'Cheapest, good score')
        self.assertEqual(tender.eco_selected_purchase_id, offer_other)
        self.assertEqual(offer_good.state, 'cancel')
        self.assertIn('Cheapest, good score', tender.message_ids[0].body)
        offer_other.button_confirm()
        self.assertEqual(offer_other.state, 'purchase')
