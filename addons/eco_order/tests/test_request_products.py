# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Products offered on order requests: the company's order request categories
(res.company.eco_request_categ_ids) restrict the portal request form and the product
choice of the Order Requests menu; without categories every saleable product is
offered (Odoo's behaviour)."""
import html

from odoo.tests.common import SavepointCase, at_install, post_install

from .test_portal_common import EcoPortalCase

KEY = {'eco_request_products': True}


class TestRequestProductDomain(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestRequestProductDomain, cls).setUpClass()
        env = cls.env
        cls.company = env.user.company_id
        Category = env['product.category']
        cls.ours = Category.create({'name': 'Req Test Water Treatment'})
        cls.sub = Category.create({'name': 'Req Test Membranes',
                                   'parent_id': cls.ours.id})
        cls.foreign = Category.create({'name': 'Req Test Office Furniture'})
        Product = env['product.product']
        cls.unit = Product.create({'name': 'Req Test Clarifier',
                                   'categ_id': cls.ours.id})
        cls.membrane = Product.create({'name': 'Req Test Membrane',
                                       'categ_id': cls.sub.id})
        cls.desk = Product.create({'name': 'Req Test Desk',
                                   'categ_id': cls.foreign.id})
        cls.internal = Product.create({'name': 'Req Test Spare',
                                       'categ_id': cls.ours.id, 'sale_ok': False})
        cls.unspecified = env.ref('eco_order.product_product_eco_unspecified')
        cls.order_requests = env.ref('eco_order.sale_order_action_intake')

    def _names(self, context=None):
        Product = self.env['product.product'].with_context(**(context or {}))
        found = Product.name_search('Req Test', args=[('sale_ok', '=', True)])
        return sorted(name for dummy, name in found)

    def test_01_no_categories_every_saleable_product(self):
        self.company.eco_request_categ_ids = False
        found = self.env['product.product'].search(
            self.company._eco_request_product_domain() + [('name', 'like', 'Req Test')])
        self.assertEqual(found, self.unit | self.membrane | self.desk)
        self.assertEqual(self._names(KEY), ['Req Test Clarifier', 'Req Test Desk',
                                            'Req Test Membrane'])

    def test_02_categories_restrict_with_subcategories(self):
        self.company.eco_request_categ_ids = self.ours
        domain = self.company._eco_request_product_domain()
        found = self.env['product.product'].search(
            domain + [('name', 'like', 'Req Test')])
        self.assertEqual(found, self.unit | self.membrane)
        # staff keep "Item to be identified" for what the customer could not name
        self.assertIn(self.unspecified, self.env['product.product'].search(domain))
        self.assertEqual(self._names(KEY), ['Req Test Clarifier', 'Req Test Membrane'])
        # elsewhere (Sales, Inventory...) every product is still offered
        self.assertEqual(self._names(), ['Req Test Clarifier', 'Req Test Desk',
                                         'Req Test Membrane'])
        self.assertIn("'eco_request_products': True", self.order_requests.context)

    def test_03_setting_in_configuration(self):
        self.company.eco_request_categ_ids = self.foreign
        settings = self.env['res.config.settings'].create({})
        self.assertEqual(settings.eco_request_categ_ids, self.foreign)
        self.assertEqual(self._names(KEY), ['Req Test Desk'])


@at_install(False)
@post_install(True)
class TestRequestProductsPortal(EcoPortalCase):

    def setUp(self):
        super(TestRequestProductsPortal, self).setUp()
        Category = self.env['product.category']
        self.ours = Category.create({'name': 'Req Portal Equipment'})
        self.offered = self.env['product.product'].create({
            'name': 'Req Portal Bag Filter', 'type': 'consu', 'sale_ok': True,
            'categ_id': self.ours.id, 'list_price': 1000.0})
        self.company = self.user_a.company_id
        self.company.eco_request_categ_ids = self.ours
        self.registry.test_cr.commit()

    def test_form_offers_the_company_products_only(self):
        self._login(self.user_a)
        response, dummy = self._get_form()
        page = html.unescape(response.text)
        self.assertIn('<option value="%s"' % self.offered.id, page)
        self.assertNotIn('<option value="%s"' % self.product.id, page)
        self.assertNotIn('<option value="%s"' % self.unspecified.id, page)

    def test_product_of_another_category_refused(self):
        self._login(self.user_a)
        SaleOrder = self.env['sale.order']
        before = SaleOrder.search_count([])
        response = self._post(self._valid_data())
        self.assertIn('Item 2: the selected product is unknown.',
                      html.unescape(response.text))
        self.assertEqual(SaleOrder.search_count([]), before)
        response = self._post(self._valid_data(line_product_1=str(self.offered.id)))
        self.assertEqual(response.status_code, 200)
        order = self._orders(self.partner_a)
        self.assertEqual(len(order), 1)
        self.assertIn(self.offered, order.order_line.mapped('product_id'))
