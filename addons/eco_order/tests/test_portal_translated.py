# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The portal order page of a customer who reads Chinese: eco_order's changes to
Odoo's template apply to the translated template too (Odoo 11 translates a parent
view before applying the views that inherit it, so an xpath on English text fails
with a 500 for a zh_CN customer)."""
from lxml import etree

from odoo.tests.common import TransactionCase


class TestPortalTranslated(TransactionCase):

    def test_order_page_in_chinese(self):
        parent = self.env.ref('sale.portal_order_page')
        # the parent as a zh_CN reader gets it (its terms translated)
        arch = parent.arch
        for src, value in (('Unit Price', '单价'), ('Subtotal', '小计'),
                           ('Quantity', '数量')):
            arch = arch.replace('<strong>%s</strong>' % src,
                                '<strong>%s</strong>' % value)
        parent.write({'arch': arch})
        combined = parent.read_combined(['arch'])['arch']
        tree = etree.fromstring(combined)
        # the header cells of the prices are hidden with the prices (defect 7)
        for label in ('单价', '小计'):
            cells = tree.xpath("//strong[text()='%s']/.." % label)
            self.assertTrue(cells, label)
            self.assertEqual(cells[0].get('t-if'), 'order._eco_portal_show_prices()',
                             label)
        quantity = tree.xpath("//strong[text()='数量']/..")
        self.assertFalse(quantity[0].get('t-if'))
