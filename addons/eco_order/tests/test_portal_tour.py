# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R2.1 portal intake in a real browser (PhantomJS tour eco_order_portal_request)."""
from odoo import fields
from odoo.tests.common import at_install, post_install

from .test_portal_common import EcoPortalCase


@at_install(False)
@post_install(True)
class TestPortalRequestTour(EcoPortalCase):

    def test_portal_request_tour(self):
        self.assertFalse(self._orders(self.partner_a))
        self.phantom_js(
            '/my/order-request',
            "odoo.__DEBUG__.services['web_tour.tour'].run('eco_order_portal_request')",
            "odoo.__DEBUG__.services['web_tour.tour']"
            ".tours.eco_order_portal_request.ready",
            login=self.user_a.login, timeout=120)
        order = self._orders(self.partner_a)
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, 'draft')
        self.assertEqual(order.intake_contact_name, 'Tour Contact')
        self.assertEqual(order.intake_contact_phone, '+86 10 8888 7777')
        self.assertGreater(order.intake_required_date, fields.Date.today())
        self.assertEqual(len(order.order_line), 1)
        line = order.order_line
        self.assertEqual(line.product_id, self.unspecified)
        self.assertEqual(line.name, 'Tour: activated carbon adsorption unit')
        self.assertEqual(line.eco_specification, '5000 m3/h, VOC removal')
        self.assertEqual(line.product_uom_qty, 2.0)
        self.assertIn(self.contact_a, order.message_partner_ids)
