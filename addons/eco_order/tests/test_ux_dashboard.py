# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, rough edges: the manager dashboard is a set of tiles (open requests
by intake state, time to first response, late milestones, acceptances pending,
compliance rate by clause) with exact figures for the user's company, computed
with the user's rights; each tile opens its filtered list."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase


NOW = fields.Datetime.from_string(fields.Datetime.now())


def ago(hours):
    return fields.Datetime.to_string(NOW - timedelta(hours=hours))


class TestOrderDashboard(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestOrderDashboard, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True,
                                       mail_create_nosubscribe=True))
        cls.company = cls.env['res.company'].create({'name': 'UX2 Dashboard Co'})
        group_user = cls.env.ref('base.group_user')
        eco_user = cls.env.ref('eco_order.group_eco_order_user')
        eco_manager = cls.env.ref('eco_order.group_eco_order_manager')
        confidential = cls.env.ref('eco_order.group_eco_customer_confidential')

        def user(login, groups):
            return cls.env['res.users'].create({
                'name': login, 'login': login, 'email': '%s@example.com' % login,
                'company_id': cls.company.id, 'company_ids': [(6, 0, cls.company.ids)],
                'groups_id': [(6, 0, groups.ids)]})
        cls.staff = user('ux2_dash_staff', group_user | eco_user)
        cls.manager = user('ux2_dash_manager', group_user | eco_manager | confidential)
        cls.plain = user('ux2_dash_plain', group_user)
        Partner = cls.env['res.partner']
        cls.customer = Partner.create({
            'name': 'UX2 River Works', 'is_company': True, 'company_id': False})
        cls.secret_customer = Partner.create({
            'name': 'UX2 Confidential Plant', 'is_company': True, 'company_id': False,
            'eco_classification': 'confidential'})

        def order(channel, intake_state='new', partner=None, received=None,
                  response=None, state=None):
            record = cls.env['sale.order'].sudo(cls.manager).create({
                'partner_id': (partner or cls.customer).id,
                'intake_channel': channel,
            }).sudo()
            vals = {'intake_state': intake_state}
            if received is not None:
                vals['intake_received_date'] = ago(received)
            if response is not None:
                vals['intake_first_response_date'] = ago(response)
            if state:
                vals['state'] = state
            record.write(vals)
            return record
        cls.o1 = order('phone', received=5, response=3)            # new, 2 h
        cls.o2 = order('phone')                                     # new, waiting
        cls.o3 = order('email', 'review')                           # review, waiting
        cls.o4 = order('fax', 'clarification', received=10, response=4)  # 6 h
        cls.o5 = order('phone', 'review', partner=cls.secret_customer,
                       received=12, response=2)                     # 10 h, manager
        cls.o6 = order('system')                                    # no intake
        cls.o7 = order('phone', received=3, response=1, state='cancel')
        cls.o8 = order('phone', 'accepted', received=24 * 40, response=24 * 40 - 1)
        cls.o9 = order('system', 'accepted', state='sale')
        cls.o10 = order('system', 'accepted', state='sale')
        cls.o11 = order('system', 'accepted', partner=cls.secret_customer,
                        state='sale')
        # milestones: two late, one late of the confidential customer, one in
        # time, one late but done
        Milestone = cls.env['eco.order.milestone']
        for record, deadline, state in ((cls.o9, ago(5), 'pending'),
                                        (cls.o10, ago(1), 'pending'),
                                        (cls.o11, ago(2), 'pending'),
                                        (cls.o9, ago(-48), 'pending'),
                                        (cls.o10, ago(30), 'done')):
            Milestone.create({'order_id': record.id, 'name': 'UX2 step',
                              'deadline': deadline, 'state': state})
        # acceptances: one to evaluate, one passed (to sign), one signed
        Acceptance = cls.env['eco.acceptance']
        cls.acc_draft = Acceptance.create({'order_id': cls.o9.id})
        cls.acc_passed = Acceptance.create({'order_id': cls.o10.id})
        cls.acc_passed.write({'state': 'passed'})
        cls.acc_signed = Acceptance.create({'order_id': cls.o10.id})
        cls.acc_signed.write({'state': 'signed'})
        cls.acc_secret = Acceptance.create({'order_id': cls.o11.id})
        # compliance results (counted: met, late, missing; not "not applicable")
        Line = cls.env['eco.compliance.line']
        Line.search([('order_id.company_id', '=', cls.company.id)]).unlink()
        clauses = cls.env['eco.compliance.clause'].search([], limit=2)
        cls.clause_1, cls.clause_2 = clauses[0], clauses[1]
        now = fields.Datetime.to_string(NOW)
        for record, clause, result in ((cls.o9, cls.clause_1, 'met'),
                                       (cls.o9, cls.clause_2, 'missing'),
                                       (cls.o10, cls.clause_1, 'met'),
                                       (cls.o10, cls.clause_2, 'met'),
                                       (cls.o1, cls.clause_1, 'late'),
                                       (cls.o1, cls.clause_2, 'na'),
                                       (cls.o11, cls.clause_1, 'missing')):
            Line.create({'order_id': record.id, 'clause_id': clause.id,
                         'result': result, 'computed_date': now})

    def _figures(self, user):
        tiles = self.env['eco.order.dashboard.tile'].sudo(user).search([])
        return {tile.code: (tile.value, tile.value_display) for tile in tiles}

    def test_figures_of_order_staff(self):
        figures = self._figures(self.staff)
        self.assertEqual(figures, {
            'intake_new': (2.0, '2'),
            'intake_review': (1.0, '1'),
            'intake_clarification': (1.0, '1'),
            'response_hours': (4.0, '4.0 h'),
            'response_waiting': (2.0, '2'),
            'milestones_late': (2.0, '2'),
            'acceptances_pending': (2.0, '2'),
            'compliance_rate': (60.0, '60.0%'),
        })

    def test_figures_of_order_manager(self):
        figures = self._figures(self.manager)
        self.assertEqual(figures, {
            'intake_new': (2.0, '2'),
            'intake_review': (2.0, '2'),
            'intake_clarification': (1.0, '1'),
            'response_hours': (6.0, '6.0 h'),
            'response_waiting': (2.0, '2'),
            'milestones_late': (3.0, '3'),
            'acceptances_pending': (3.0, '3'),
            'compliance_rate': (50.0, '50.0%'),
        })

    def test_compliance_rate_by_clause(self):
        Tile = self.env['eco.order.dashboard.tile']
        tile = self.env.ref('eco_order.eco_order_dashboard_tile_compliance_rate')
        dummy, domain = tile.sudo(self.staff)._eco_target()
        rates = Tile.sudo(self.staff)._eco_compliance_rates(domain)
        self.assertEqual([(c, met, counted) for c, met, counted in rates],
                         [(self.clause_1, 2, 3), (self.clause_2, 1, 2)])
        detail = tile.sudo(self.staff).detail_html
        self.assertIn('67%', detail)
        self.assertIn('50%', detail)
        rates = Tile.sudo(self.manager)._eco_compliance_rates(domain)
        self.assertEqual([(c, met, counted) for c, met, counted in rates],
                         [(self.clause_1, 2, 4), (self.clause_2, 1, 2)])

    def test_tiles_open_their_filtered_lists(self):
        expected = {
            'intake_new': self.o1 | self.o2,
            'intake_review': self.o3,
            'intake_clarification': self.o4,
            'response_hours': self.o1 | self.o4,
            'response_waiting': self.o2 | self.o3,
            'acceptances_pending': self.acc_draft | self.acc_passed,
        }
        tiles = self.env['eco.order.dashboard.tile'].sudo(self.staff).search([])
        for tile in tiles.filtered(lambda t: t.code in expected):
            action = tile.action_open()
            records = self.env[action['res_model']].sudo(self.staff).search(
                action['domain'])
            self.assertEqual(records.ids and sorted(records.ids),
                             sorted(expected[tile.code].ids), tile.code)

    def test_access(self):
        action = self.env.ref('eco_order.eco_order_dashboard_tile_action')
        self.assertEqual(action.sudo(self.manager).read(['res_model'])[0]['res_model'],
                         'eco.order.dashboard.tile')
        menu = self.env.ref('eco_order.eco_order_analysis_dashboard_menu')
        self.assertEqual(menu.action, action)
        Menu = self.env['ir.ui.menu']
        self.assertIn(menu.id, Menu.sudo(self.manager)._visible_menu_ids())
        # the Analysis menu is the managers'; staff who open the tiles otherwise
        # get the figures of what they may read (tests above)
        self.assertIn(menu.parent_id.id, Menu.sudo(self.manager)._visible_menu_ids())
        self.assertNotIn(menu.parent_id.id, Menu.sudo(self.staff)._visible_menu_ids())
        with self.assertRaises(AccessError):
            self.env['eco.order.dashboard.tile'].sudo(self.plain).search([])
        with self.assertRaises(AccessError):
            self.env.ref('eco_order.eco_order_dashboard_tile_intake_new').sudo(
                self.staff).write({'name': 'x'})
        # the kanban opens on the tiles
        view = self.env['eco.order.dashboard.tile'].sudo(self.manager).fields_view_get(
            view_type='kanban')
        self.assertIn('action_open', view['arch'])
