# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Real browser (PhantomJS tour): the portal customer approves a change request and the
order's agreed delivery date changes (R10.2)."""
from datetime import timedelta

from odoo import fields
from odoo.tests.common import at_install, post_install

from .common_accept import EcoAcceptHttpCase, eco_confirmed_order


@at_install(False)
@post_install(True)
class TestPortalChangeTour(EcoAcceptHttpCase):

    def _eco_set_up(self):
        self.order = eco_confirmed_order(self, self.partner_a)
        self.new_date = fields.Date.to_string(
            fields.Date.from_string(self.required_date) + timedelta(days=12))
        self.change = self.env['eco.order.change.request'].create({
            'order_id': self.order.id,
            'kind': 'delivery_date',
            'new_date': self.new_date,
            'reason': 'Crane availability',
        })
        self.change.action_submit()

    def test_portal_customer_approves_change(self):
        self.assertEqual(self.order.eco_delivery_date, self.required_date)
        tours = "odoo.__DEBUG__.services['web_tour.tour']"
        self.phantom_js(
            '/my/orders/%s' % self.order.id,
            "%s.run('eco_order_change_request')" % tours,
            "%s.tours.eco_order_change_request.ready" % tours,
            login=self.user_portal_a.login, timeout=180)
        self._eco_refresh()
        self.assertEqual(self.change.state, 'approved')
        self.assertEqual(self.change.decided_partner_id, self.contact_a)
        self.assertEqual(self.order.eco_delivery_date, self.new_date)
