# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Service commitments (R11.1): warranty from acceptance or commissioning,
chargeable tickets out of warranty, maintenance plans -> visits."""
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError

from .common import EcoAftersalesCase


class TestCommitment(EcoAftersalesCase):

    def test_01_commitment_from_template_on_acceptance(self):
        self.assertEqual(self.order.eco_acceptance_date, '2026-11-10')
        self.assertEqual(len(self.commitment), 1)
        c = self.commitment
        self.assertEqual((c.state, c.template_id, c.categ_id, c.warranty_months),
                         ('active', self.template, self.categ, 12))
        self.assertEqual(c.partner_id, self.partner_a)
        self.assertTrue(c.name.startswith('SVC/'))
        self.assertEqual(sorted(c.response_time_ids.mapped('priority')), ['1', '2'])
        self.assertEqual(c._eco_response_time('2').resolution_hours, 8.0)
        self.assertEqual((c.warranty_start, c.warranty_end),
                         ('2026-11-10', '2027-11-10'))
        self.assertEqual(self.equipment.eco_commitment_id, c)
        self.assertEqual(self.equipment.warranty_end, '2027-11-10')
        today = fields.Date.from_string(fields.Date.context_today(self.equipment))
        self.assertEqual(self.equipment.eco_warranty_days_left,
                         (fields.Date.from_string('2027-11-10') - today).days)
        self.assertTrue(self.equipment.eco_under_warranty)
        # once: a second run creates nothing
        self.assertFalse(self.order._eco_create_commitments())
        # the order's compliance clause R11.1
        result = self.order._eco_compliance_service_commitment()[self.order.id]
        self.assertEqual(result[0], 'met')
        # printed on the quotation and on the acceptance certificate
        html = self.env.ref('sale.action_report_saleorder').render_qweb_html(
            self.order.ids)[0].decode()
        self.assertIn('o_eco_service_terms', html)
        self.assertIn('Aft Wastewater Units', html)
        html = self.env.ref(
            'eco_order.action_report_eco_acceptance_certificate').render_qweb_html(
                self.acceptance.ids)[0].decode()
        self.assertIn('o_eco_service_terms', html)

    def test_02_commissioning_basis_and_stored_end(self):
        self.commitment.write({'warranty_basis': 'commissioning', 'warranty_months': 6})
        self.assertEqual(self.equipment.warranty_end, '2027-05-02')
        self.assertEqual(self.commitment.warranty_start, '2026-11-02')
        self.assertEqual(self.env['eco.equipment'].search_count(
            [('id', '=', self.equipment.id), ('warranty_end', '=', '2027-05-02')]), 1)
        self.equipment.installation_date = '2026-11-05'
        self.assertEqual(self.equipment.warranty_end, '2027-05-05')

    def test_03_out_of_warranty_ticket_is_chargeable(self):
        self.assertEqual(self.equipment_b.warranty_end, '2025-01-01')
        self.assertFalse(self.equipment_b.eco_under_warranty)
        self.assertIn(self.equipment_b, self.env['eco.equipment'].search(
            [('eco_under_warranty', '=', False)]))
        ticket = self._ticket(self.equipment_b)
        self.assertTrue(ticket.eco_chargeable)
        self.assertEqual(ticket.partner_id, self.partner_b)
        ticket.action_eco_create_quotation()
        quotation = ticket.eco_quotation_id
        self.assertEqual((quotation.state, quotation.partner_id, quotation.origin),
                         ('draft', self.partner_b, ticket.number))
        self.assertEqual(quotation.order_line.product_id, self.env.ref(
            'eco_aftersales.product_product_eco_repair_service'))
        self.assertEqual(quotation.amount_untaxed, 800.0)
        with self.assertRaises(UserError):
            ticket.action_eco_create_quotation()
        ticket_a = self._ticket(self.equipment)
        self.assertFalse(ticket_a.eco_chargeable)
        self.assertEqual((ticket_a.eco_order_id, ticket_a.eco_commitment_id),
                         (self.order, self.commitment))
        with self.assertRaises(UserError):
            ticket_a.action_eco_create_quotation()
        self.assertFalse(ticket_a.eco_quotation_id)

    def test_04_plan_generates_visits(self):
        plans = self.commitment.action_create_maintenance_plans()
        self.assertEqual(len(plans), 1)
        self.assertEqual((plans.interval, plans.interval_step, plans.eco_equipment_id),
                         (3, 'month', self.equipment))
        # maintenance_plan: from the start, every 3 months, from today to the horizon
        today = fields.Date.from_string(fields.Date.today())
        date = fields.Date.from_string('2026-11-10')
        while date < today:
            date += relativedelta(months=3)
        expected = []
        while date <= today + relativedelta(years=1):
            expected.append(fields.Date.to_string(date))
            date += relativedelta(months=3)
        visits = plans.maintenance_ids.sorted('request_date')
        self.assertEqual(visits.mapped('request_date'), expected)
        self.assertEqual(set(visits.mapped('eco_equipment_id')), {self.equipment})
        self.assertEqual(set(visits.mapped('eco_partner_id')), {self.partner_a})
        # no second plan for the same serial
        self.assertFalse(self.commitment.action_create_maintenance_plans())
        visit = visits[0]
        with self.assertRaises(UserError):
            visit.action_eco_start()
        self.assertFalse(visit.eco_date_started)
        visit.eco_technician_ids = self.employee
        visit.action_eco_start()
        self.assertEqual(visit.stage_id, self.env.ref('maintenance.stage_1'))
        with self.assertRaises(UserError):
            visit.action_eco_sign_off()
        visit.write({'eco_signed_by': 'Amy Aft', 'eco_findings': 'Filters cleaned'})
        visit.action_eco_sign_off()
        self.assertEqual(visit.stage_id, self.env.ref('maintenance.stage_3'))
        html = self.env.ref('eco_aftersales.action_report_eco_visit').render_qweb_html(
            visit.ids)[0].decode()
        self.assertIn('AFT-A-0001', html)
        self.assertIn('Filters cleaned', html)
        self.assertIn('Sun Aft Service', html)
