# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Access by group: service staff, service managers, order staff, plain users,
portal customers (own commercial partner only), confidentiality levels."""
from odoo.exceptions import AccessError

from .common import EcoAftersalesCase


class TestAccess(EcoAftersalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestAccess, cls).setUpClass()
        portal = cls.env.ref('base.group_portal')
        Users = cls.env['res.users'].with_context(no_reset_password=True)
        cls.portal_a = Users.create({
            'name': 'Amy Aft', 'login': 'aft_portal_a', 'partner_id': cls.contact_a.id,
            'groups_id': [(6, 0, portal.ids)]})
        cls.portal_b = Users.create({
            'name': 'Ben Aft', 'login': 'aft_portal_b', 'partner_id': cls.contact_b.id,
            'groups_id': [(6, 0, portal.ids)]})
        cls.ticket_a = cls._ticket(cls.equipment, partner_id=cls.contact_a.id)
        cls.ticket_b = cls._ticket(cls.equipment_b, partner_id=cls.contact_b.id)

    def test_01_templates_by_group(self):
        Template = self.env['eco.service.template']
        self.assertEqual(Template.sudo(self.user_order).search(
            [('id', '=', self.template.id)]), self.template)
        with self.assertRaises(AccessError):
            Template.sudo(self.user_service).create(
                {'name': 'X', 'categ_id': self.categ.id})
        with self.assertRaises(AccessError):
            self.template.sudo(self.user_plain).read(['name'])
        Template.sudo(self.user_service_manager).create(
            {'name': 'Aft premium', 'categ_id': self.categ.id})

    def test_02_commitments_by_group(self):
        as_order = self.commitment.sudo(self.user_order)
        self.assertEqual(as_order.read(['name'])[0]['name'], self.commitment.name)
        with self.assertRaises(AccessError):
            self.commitment.sudo(self.user_order).write({'note': 'x'})
        with self.assertRaises(AccessError):
            self.commitment.sudo(self.user_plain).read(['name'])
        self.commitment.sudo(self.user_service).write({'note': 'Quarterly service'})
        with self.assertRaises(AccessError):
            self.commitment.sudo(self.user_service).unlink()

    def test_03_portal_own_commercial_partner_only(self):
        Commitment = self.env['eco.service.commitment']
        Ticket = self.env['helpdesk.ticket']
        self.assertEqual(Commitment.sudo(self.portal_a).search([]), self.commitment)
        self.assertFalse(Commitment.sudo(self.portal_b).search([]))
        with self.assertRaises(AccessError):
            self.commitment.sudo(self.portal_b).read(['name'])
        self.assertEqual(Ticket.sudo(self.portal_a).search([]), self.ticket_a)
        self.assertEqual(Ticket.sudo(self.portal_b).search([]), self.ticket_b)
        # a follower of another company's ticket still does not see it
        self.ticket_a.message_subscribe(partner_ids=self.contact_b.ids)
        with self.assertRaises(AccessError):
            self.ticket_a.sudo(self.portal_b).read(['name'])
        with self.assertRaises(AccessError):
            self.ticket_a.sudo(self.portal_a).write({'name': 'x'})

    def test_04_tickets_by_group_and_confidentiality(self):
        Ticket = self.env['helpdesk.ticket']
        ticket = Ticket.sudo(self.user_service).create({
            'name': 'Aft odour complaint', 'eco_equipment_id': self.equipment.id})
        self.assertEqual(ticket.partner_id, self.partner_a)
        with self.assertRaises(AccessError):
            Ticket.sudo(self.user_order).create({'name': 'x'})
        self.partner_a.eco_classification = 'confidential'
        with self.assertRaises(AccessError):
            self.ticket_a.sudo(self.user_service).read(['name'])
        with self.assertRaises(AccessError):
            self.commitment.sudo(self.user_service).read(['name'])
        self.user_service.groups_id = [
            (4, self.env.ref('eco_order.group_eco_customer_confidential').id)]
        as_service = self.ticket_a.sudo(self.user_service)
        self.assertEqual(as_service.read(['name'])[0]['name'], 'Aft pump noise')

    def test_04b_visits_by_confidentiality(self):
        """A confidential customer's maintenance visits are hidden from service
        staff without the confidential clearance."""
        Visit = self.env['maintenance.request']
        visit = Visit.create({
            'name': 'Aft visit conf', 'eco_equipment_id': self.equipment.id,
            'eco_partner_id': self.partner_a.id})
        as_service = Visit.sudo(self.user_service)
        self.assertEqual(as_service.search([('id', 'in', visit.ids)]), visit)
        self.partner_a.eco_classification = 'confidential'
        self.assertFalse(as_service.search([('id', 'in', visit.ids)]))
        with self.assertRaises(AccessError):
            visit.sudo(self.user_service).read(['name'])
        self.user_service.groups_id = [
            (4, self.env.ref('eco_order.group_eco_customer_confidential').id)]
        self.assertEqual(visit.sudo(self.user_service).read(['name'])[0]['name'],
                         'Aft visit conf')

    def test_05_reviews_and_followups_by_group(self):
        Review = self.env['eco.order.review']
        with self.assertRaises(AccessError):
            Review.sudo(self.user_order).create({'order_id': self.order.id})
        with self.assertRaises(AccessError):
            Review.sudo(self.user_plain).search([])
        review = Review.sudo(self.user_service).create({'order_id': self.order.id})
        self.assertEqual(review.sudo(self.user_order).read(['name'])[0]['name'],
                         review.name)
        followup = self.order.eco_followup_ids[0]
        followup.sudo(self.user_order).action_satisfied()
        self.assertEqual(followup.outcome, 'satisfied')
        with self.assertRaises(AccessError):
            followup.sudo(self.user_plain).read(['name'])
