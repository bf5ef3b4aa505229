# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R2.1 portal intake: /my/order-request form, validation and the created request."""
import html

from odoo.tests.common import at_install, post_install

from .test_portal_common import CSRF_RE, EcoPortalCase


@at_install(False)
@post_install(True)
class TestPortalRequestForm(EcoPortalCase):

    def _assert_rejected(self, data, message, echoed=()):
        """POST ``data``: the form comes back with ``message``; no order is created."""
        self._login(self.user_a)
        SaleOrder = self.env['sale.order']
        before = SaleOrder.search_count([])
        response = self._post(data)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith('/my/order-request'), response.url)
        page = html.unescape(response.text)
        self.assertIn('id="eco_order_request_errors"', page)
        self.assertIn(message, page)
        for value in echoed:
            self.assertIn(value, page)
        self.assertEqual(SaleOrder.search_count([]), before)
        self.assertFalse(self._orders(self.partner_a))
        return page

    def test_form_portal_user(self):
        self._login(self.user_a)
        response, token = self._get_form()
        page = html.unescape(response.text)
        self.assertIn('o_eco_order_request_form', page)
        self.assertIn('enctype="multipart/form-data"', page)
        self.assertIn(self.product.name, page)
        self.assertNotIn(self.product_not_for_sale.name, page)
        self.assertNotIn('<option value="%s"' % self.unspecified.id, page)
        self.assertIn('PT-TEST-0001', page)
        # the submitting contact is proposed as contact person
        self.assertIn('value="Alice Portal"', page)
        self.assertIn('value="+86 10 1111 0001"', page)

    def test_form_anonymous_redirected_to_login(self):
        response = self.url_open('/my/order-request')
        self.assertEqual(response.status_code, 200)
        self.assertIn('/web/login', response.url)
        self.assertNotIn('o_eco_order_request_form', response.text)

    def test_valid_request_creates_portal_order(self):
        self._login(self.user_a)
        SaleOrder = self.env['sale.order']
        before = SaleOrder.search_count([])
        files = [
            ('attachments',
             ('site-plan.pdf', b'%PDF-1.4 site plan', 'application/pdf')),
            ('attachments', ('photo.jpg', b'\xff\xd8\xff photo', 'image/jpeg')),
        ]
        response = self._post(self._valid_data(), files=files)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(SaleOrder.search_count([]), before + 1)
        order = self._orders(self.partner_a)
        self.assertEqual(len(order), 1)
        self.assertIn('/my/orders/%s' % order.id, response.url)
        self.assertIn('eco_order_request_success', response.text)

        self.assertEqual(order.state, 'draft')
        self.assertEqual(order.intake_channel, 'portal')
        self.assertEqual(order.intake_state, 'new')
        self.assertEqual(order.partner_id, self.partner_a)
        self.assertEqual(order.partner_invoice_id, self.partner_a)
        self.assertEqual(order.partner_shipping_id, self.partner_a)
        self.assertEqual(order.intake_required_date, self.future_date)
        self.assertEqual(order.intake_site_address, 'Plant 3, 8 Industrial Road')
        self.assertEqual(order.intake_contact_name, 'Carl Contact')
        self.assertEqual(order.intake_contact_phone, '+86 10 6666 5555')
        self.assertEqual(order.intake_standard_ids, self.standard)
        self.assertEqual(order.intake_standard_note, 'Local discharge permit limits')
        self.assertEqual(order.intake_note, 'Please call before visiting the site.')
        self.assertNotEqual(order.user_id, self.env.ref('base.user_root'))

        lines = order.order_line.sorted('id')
        self.assertEqual(len(lines), 2)
        self.assertEqual(lines[0].product_id, self.unspecified)
        self.assertEqual(lines[0].name, 'Activated carbon adsorption unit')
        self.assertEqual(lines[0].eco_specification, '5000 m3/h, VOC')
        self.assertEqual(lines[0].product_uom_qty, 2.0)
        self.assertEqual(lines[1].product_id, self.product)
        self.assertEqual(lines[1].eco_specification, 'stainless steel, 10 l/h')
        self.assertEqual(lines[1].product_uom_qty, 3.5)
        self.assertEqual(lines[1].price_unit, 250.0)

        attachments = self.env['ir.attachment'].search(
            [('res_model', '=', 'sale.order'), ('res_id', '=', order.id)])
        self.assertEqual(sorted(attachments.mapped('name')),
                         ['photo.jpg', 'site-plan.pdf'])
        message = order.message_ids.filtered(lambda msg: msg.attachment_ids)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.attachment_ids, attachments)
        self.assertEqual(message.author_id, self.contact_a)
        self.assertIn(self.contact_a, order.message_partner_ids)
        # the intake staff are told about the new request
        channel = self.env.ref('eco_order.mail_channel_eco_intake')
        self.assertTrue(
            channel.message_ids.filtered(lambda msg: order.name in msg.body))

    def test_request_priced_by_customer_pricelist_and_taxes(self):
        """The lines are priced with the customer's pricelist and taxed with the
        product's taxes of the order's company, as the sales onchanges would."""
        tax = self.env['account.tax'].create({
            'name': 'Portal test VAT 13%', 'amount': 13.0, 'amount_type': 'percent',
            'type_tax_use': 'sale', 'company_id': self.env.user.company_id.id})
        self.product.taxes_id = tax
        pricelist = self.env['product.pricelist'].create({
            'name': 'Portal test contract prices',
            'currency_id': self.env.user.company_id.currency_id.id,
            'item_ids': [(0, 0, {
                'applied_on': '0_product_variant', 'product_id': self.product.id,
                'compute_price': 'fixed', 'fixed_price': 200.0})],
        })
        self.partner_a.property_product_pricelist = pricelist
        self._login(self.user_a)
        self._post(self._valid_data())
        order = self._orders(self.partner_a)
        self.assertEqual(order.pricelist_id, pricelist)
        line = order.order_line.filtered(lambda l: l.product_id == self.product)
        self.assertEqual(line.price_unit, 200.0)
        self.assertEqual(line.tax_id, tax)
        self.assertEqual(order.amount_untaxed, 700.0)
        self.assertEqual(order.amount_tax, 91.0)

    def test_internal_user_submits_for_own_company(self):
        """An internal user who is a customer's contact may submit too (auth='user')."""
        customer = self.env['res.partner'].create({
            'name': 'Internal Customer Co.', 'is_company': True, 'customer': True})
        contact = self.env['res.partner'].create({
            'name': 'Ivan Internal', 'parent_id': customer.id, 'phone': '+86 10 3333'})
        user = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Ivan Internal', 'login': 'eco_portal_req_internal',
            'password': 'eco_portal_req_internal', 'partner_id': contact.id,
            'groups_id': [(6, 0, self.env.ref('base.group_user').ids)]})
        self.registry.test_cr.commit()  # TestCursor: savepoint only, see setUp
        self._login(user)
        response = self._post(self._valid_data())
        self.assertEqual(response.status_code, 200)
        order = self._orders(customer)
        self.assertEqual(len(order), 1)
        self.assertEqual(order.intake_channel, 'portal')
        self.assertIn(contact, order.message_partner_ids)
        # without sales rights the user reaches the order page through its token
        self.assertIn('access_token=%s' % order.access_token, response.url)
        self.assertIn('eco_order_request_success', response.text)

    def test_own_company_employee_cannot_submit(self):
        """Our own staff are no customer: the form sends them back to /my."""
        company_partner = self.env.user.company_id.partner_id
        contact = self.env['res.partner'].create({
            'name': 'Erin Employee', 'parent_id': company_partner.id})
        user = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Erin Employee', 'login': 'eco_portal_req_employee',
            'password': 'eco_portal_req_employee', 'partner_id': contact.id,
            'groups_id': [(6, 0, self.env.ref('base.group_user').ids)]})
        self.registry.test_cr.commit()  # TestCursor: savepoint only, see setUp
        self._login(user)
        before = self.env['sale.order'].search_count([])
        response = self.opener.get(self._url('/my/order-request'), timeout=30,
                                   allow_redirects=False)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response.headers['Location'].endswith('/my'))
        # a valid CSRF token of the session, from the login page
        token = CSRF_RE.search(self.url_open('/web/login').text).group(1)
        response = self.opener.post(self._url('/my/order-request'), data=dict(
            self._valid_data(), csrf_token=token), timeout=30, allow_redirects=False)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response.headers['Location'].endswith('/my'))
        self.env.cache.invalidate()
        self.assertEqual(self.env['sale.order'].search_count([]), before)

    def test_forged_partner_is_ignored(self):
        self._login(self.user_a)
        data = self._valid_data(partner_id=str(self.partner_b.id),
                                partner_invoice_id=str(self.partner_b.id),
                                partner_shipping_id=str(self.partner_b.id),
                                intake_channel='phone', state='sale')
        response = self._post(data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._orders(self.partner_b))
        self.assertFalse(self.env['sale.order'].search(
            [('partner_id', '=', self.partner_b.id)]))
        order = self._orders(self.partner_a)
        self.assertEqual(len(order), 1)
        self.assertEqual(order.partner_invoice_id, self.partner_a)
        self.assertEqual(order.partner_shipping_id, self.partner_a)
        self.assertEqual(order.state, 'draft')

    def test_csrf_token_required(self):
        self._login(self.user_a)
        before = self.env['sale.order'].search_count([])
        response = self._post(self._valid_data(), csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.env['sale.order'].search_count([]), before)

    def test_past_date_rejected(self):
        self._assert_rejected(
            self._valid_data(intake_required_date=self.past_date),
            'The required delivery date cannot be in the past.',
            echoed=[self.past_date, 'Carl Contact', 'Activated carbon adsorption unit'])

    def test_invalid_date_rejected(self):
        self._assert_rejected(
            self._valid_data(intake_required_date='31/02/2030'),
            'The required delivery date is not a valid date', echoed=['31/02/2030'])

    def test_zero_quantity_rejected(self):
        self._assert_rejected(
            self._valid_data(line_qty_0='0'),
            'Item 1: the quantity must be greater than zero.',
            echoed=['value="0"', 'value="3.5"', 'Plant 3, 8 Industrial Road'])

    def test_negative_quantity_rejected(self):
        self._assert_rejected(
            self._valid_data(line_qty_1='-4'),
            'Item 2: the quantity must be greater than zero.', echoed=['value="-4"'])

    def test_non_numeric_quantity_rejected(self):
        self._assert_rejected(
            self._valid_data(line_qty_0='two'),
            'Item 1: the quantity must be a number.', echoed=['value="two"'])

    def test_missing_contact_rejected(self):
        page = self._assert_rejected(
            self._valid_data(intake_contact_name='  '),
            'Please enter a contact person.', echoed=['+86 10 6666 5555'])
        self.assertIn('value="%s" selected' % self.product.id, page)

    def test_errors_in_customer_language(self):
        """Messages are translated into the customer's language (here zh_CN)."""
        self.env['res.lang'].load_lang('zh_CN')
        self.env['ir.translation'].create({
            'type': 'code', 'lang': 'zh_CN', 'module': 'eco_order',
            'name': 'addons/eco_order/controllers/portal.py', 'state': 'translated',
            'src': 'Please enter a contact person.', 'value': '请填写联系人。'})
        self.user_a.lang = 'zh_CN'
        if 'website' in self.env:
            # with website installed (the platform's shop), pages speak the
            # website's languages only
            self.env['website'].search([]).write({'language_ids': [
                (4, self.env['res.lang']._lang_get('zh_CN').id)]})
        self.registry.test_cr.commit()  # TestCursor: savepoint only, see setUp
        page = self._assert_rejected(
            self._valid_data(intake_contact_name=''), '请填写联系人。')
        self.assertNotIn('Please enter a contact person.', page)

    def test_missing_phone_rejected(self):
        self._assert_rejected(
            self._valid_data(intake_contact_phone=''),
            'Please enter a contact phone number.', echoed=['value="Carl Contact"'])

    def test_no_line_rejected(self):
        data = self._valid_data(line_description_0='', line_specification_0='',
                                line_product_1='', line_specification_1='')
        self._assert_rejected(
            data, 'Please add at least one item',
            echoed=['Please call before visiting'])

    def test_line_without_product_or_description_rejected(self):
        self._assert_rejected(
            self._valid_data(line_description_0=''),
            'Item 1: choose a product or describe the item.')

    def test_unknown_product_rejected(self):
        self._assert_rejected(
            self._valid_data(line_product_1=str(self.product_not_for_sale.id)),
            'Item 2: the selected product is unknown.')
        self._assert_rejected(
            self._valid_data(line_product_1='not-an-id'),
            'Item 2: the selected product is unknown.')

    def test_unknown_standard_rejected(self):
        self._assert_rejected(
            self._valid_data(standard_ids=[str(self.standard.id + 100000)]),
            'An unknown environmental standard was selected.')

    def test_attachment_too_large_rejected(self):
        self.env['ir.config_parameter'].set_param(
            'eco_order.intake_max_attachment_mb', '0.001')
        self._login(self.user_a)
        before = self.env['sale.order'].search_count([])
        attachments_before = self.env['ir.attachment'].search_count(
            [('res_model', '=', 'sale.order')])
        files = [('attachments', ('big.pdf', b'x' * 2000, 'application/pdf'))]
        response = self._post(self._valid_data(), files=files)
        self.assertEqual(response.status_code, 200)
        self.assertIn('The file big.pdf is too large (maximum 0.001 MB per file).',
                      html.unescape(response.text))
        self.assertIn('Carl Contact', response.text)
        self.assertEqual(self.env['sale.order'].search_count([]), before)
        self.assertEqual(self.env['ir.attachment'].search_count(
            [('res_model', '=', 'sale.order')]), attachments_before)
