# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The portal order page of a customer who reads Chinese: eco_order's changes to
Odoo's template apply to the translated template too (Odoo 11 translates a parent
view before applying the views that inherit it)."""
from lxml import etree

from odoo.tests.common import TransactionCase


class TestPortalTranslated(TransactionCase):

    def test_order_page_in_chinese(self):
        lang = self.env['res.lang'].with_context(active_test=False).search(
            [('code', '=', 'zh_CN')])
        if lang:
            lang.active = True
        else:
            self.env['res.lang'].load_lang('zh_CN')
        parent = self.env.ref('sale.portal_order_page')
        Translation = self.env['ir.translation']
        for src, value in (('Unit Price', '单价'), ('Subtotal', '小计'),
                           ('Quantity', '数量')):
            Translation.search([('name', '=', 'ir.ui.view,arch_db'),
                                ('res_id', '=', parent.id), ('lang', '=', 'zh_CN'),
                                ('src', '=', src)]).unlink()
            Translation.create({
                'name': 'ir.ui.view,arch_db', 'res_id': parent.id, 'lang': 'zh_CN',
                'type': 'model', 'src': src, 'value': value, 'state': 'translated'})
        arch = parent.with_context(lang='zh_CN').read_combined(['arch'])['arch']
        tree = etree.fromstring(arch)
        # the header cells of the prices are hidden with the prices (defect 7)
        for label in ('单价', '小计'):
            cells = tree.xpath("//strong[text()='%s']/.." % label)
            self.assertTrue(cells, label)
            self.assertEqual(cells[0].get('t-if'), 'order._eco_portal_show_prices()',
                             label)
