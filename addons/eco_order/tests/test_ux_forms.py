# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, rough edges: the change request form (one "Proposed By", dates as
dates in the user's format) and the new acceptance (criteria loaded from the
order by any path, a sequence reference instead of "/")."""
from lxml import etree

from odoo.tests.common import at_install, post_install

from .common_accept import EcoAcceptCase


@at_install(False)
@post_install(True)
class TestUxForms(EcoAcceptCase):

    @classmethod
    def setUpClass(cls):
        super(TestUxForms, cls).setUpClass()
        cls.order = cls._confirmed_order(cls.partner_a)
        Type = cls.env['eco.order.type']
        cls.type_a = Type.create({'name': 'UX2 Type A', 'code': 'UX2A'})
        cls.type_b = Type.create({'name': 'UX2 Type B', 'code': 'UX2B'})
        Template = cls.env['eco.acceptance.criterion.template']
        cls.template_a = Template.create({
            'name': 'UX2 noise below 55 dB(A)', 'order_type_id': cls.type_a.id,
            'sequence': 1})
        cls.template_b = Template.create({
            'name': 'UX2 odour panel test', 'order_type_id': cls.type_b.id})

    def _arch(self, model, view_type):
        view = self.env[model].sudo(self.user_staff).fields_view_get(
            view_type=view_type)
        return etree.fromstring(view['arch']), view['fields']

    # ------------------------------------------------------------------ change request
    def test_change_request_form_one_proposed_by_and_date_fields(self):
        arch, view_fields = self._arch('eco.order.change.request', 'form')
        labels = arch.xpath("//label[@string='Proposed By']")
        self.assertEqual(len(labels), 1)
        self.assertEqual(labels[0].get('for'), 'proposer_partner_id')
        self.assertEqual(arch.xpath("//field[@name='proposer_user_id']"), [])
        for name in ('old_value_text', 'new_value_text'):
            self.assertEqual(arch.xpath("//field[@name='%s']" % name), [])
        for name in ('old_date', 'new_date'):
            self.assertEqual(view_fields[name]['type'], 'date')
        self.assertEqual(view_fields['create_date']['type'], 'datetime')
        self.assertEqual(view_fields['decided_date']['type'], 'datetime')
        tree, tree_fields = self._arch('eco.order.change.request', 'tree')
        self.assertEqual(
            [f for f in ('old_value_text', 'new_value_text') if f in tree_fields], [])
        self.assertEqual(tree_fields['new_date']['type'], 'date')
        # the title of an unsaved request says New, not "/"
        self.assertEqual(
            arch.xpath("//h1/span[@attrs]")[0].text, 'New Change Request')

    def test_change_request_portal_shows_dates_as_dates(self):
        for xmlid in ('eco_order.portal_eco_change_request_page',
                      'eco_order.portal_order_page_eco_progress'):
            arch = self.env.ref(xmlid).arch
            for name in ('old_date', 'new_date'):
                # t-field renders a date in the reader's language format
                self.assertIn('t-field="change.%s"' % name, arch)

    # ------------------------------------------------------------------ acceptance
    def _order_without_criteria(self, order_type):
        self.order.eco_acceptance_criterion_ids.unlink()
        self.order.order_type_id = order_type
        return self.order

    def _expected_names(self, order):
        return self.env['eco.acceptance.criterion.template'].search(
            order._eco_template_domain()).mapped('name')

    def test_acceptance_by_code_loads_order_type_criteria(self):
        order = self._order_without_criteria(self.type_a)
        expected = self._expected_names(order)
        self.assertIn(self.template_a.name, expected)
        self.assertNotIn(self.template_b.name, expected)
        acceptance = self.env['eco.acceptance'].sudo(self.user_staff).create({
            'order_id': order.id})
        self.assertEqual(acceptance.line_ids.mapped('name'), expected)
        self.assertEqual(order.eco_acceptance_criterion_ids.mapped('name'), expected)
        self.assertEqual(acceptance.line_ids.mapped('criterion_id'),
                         order.eco_acceptance_criterion_ids)
        self.assertNotEqual(acceptance.name, '/')
        self.assertTrue(acceptance.name.startswith('ACC/'))
        second = self.env['eco.acceptance'].sudo(self.user_staff).create({
            'order_id': order.id})
        self.assertNotEqual(second.name, acceptance.name)

    def test_acceptance_by_button_and_form_shows_criteria(self):
        order = self._order_without_criteria(self.type_a)
        expected = self._expected_names(order)
        action = order.sudo(self.user_staff).action_eco_new_acceptance()
        Acceptance = self.env['eco.acceptance'].sudo(self.user_staff).with_context(
            action['context'])
        defaults = Acceptance.default_get(list(Acceptance._fields))
        self.assertEqual(defaults['order_id'], order.id)
        draft = Acceptance.new(defaults)
        draft._onchange_eco_order_criteria()
        self.assertEqual(draft.line_ids.mapped('name'), expected)
        # saving the form: the lines it shows, linked to the order's criteria
        lines = [(0, 0, {'name': line.name, 'sequence': line.sequence})
                 for line in draft.line_ids]
        acceptance = Acceptance.create({'order_id': order.id, 'line_ids': lines})
        self.assertEqual(acceptance.line_ids.mapped('name'), expected)
        self.assertEqual(len(acceptance.line_ids.mapped('criterion_id')),
                         len(expected))
        self.assertTrue(acceptance.name.startswith('ACC/'))
        arch, dummy = self._arch('eco.acceptance', 'form')
        self.assertEqual(arch.xpath("//h1/span[@attrs]")[0].text, 'New Acceptance')

    def test_acceptance_keeps_order_criteria_edited_by_contract(self):
        criteria = self.order.eco_acceptance_criterion_ids
        self.assertTrue(criteria)
        criteria[0].name = 'UX2 contract criterion'
        acceptance = self.env['eco.acceptance'].sudo(self.user_staff).create({
            'order_id': self.order.id})
        self.assertEqual(acceptance.line_ids.mapped('name'), criteria.mapped('name'))
        self.assertEqual(self.order.eco_acceptance_criterion_ids, criteria)
