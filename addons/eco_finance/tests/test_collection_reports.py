# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import EcoFinanceCase, days


class TestCollectionReports(EcoFinanceCase):

    def test_aging_and_dso(self):
        late = self._invoice(self.partner_a, 1000.0, days(-45), date_invoice=days(-75))
        self._invoice(self.partner_a, 400.0, days(10), date_invoice=days(-20))
        paid = self._invoice(self.partner_b, 600.0, days(-5), date_invoice=days(-35))
        self._pay(paid)
        Aging = self.env['eco.aging.report']
        rows = Aging.search([('partner_id', '=', self.partner_a.id)])
        self.assertEqual(sorted(rows.mapped('bucket')), ['31_60', 'not_due'])
        row = rows.filtered(lambda r: r.invoice_id == late)
        self.assertEqual(row.days_overdue, 45)
        self.assertEqual(row.residual, 1000.0)
        self.assertEqual(row.user_id, self.user_sales)
        self.assertFalse(Aging.search([('partner_id', '=', self.partner_b.id)]))
        # a salesperson sees the aging of their own invoices only
        mine = Aging.sudo(self.user_sales).search(
            [('partner_id', 'in', (self.partner_a | self.partner_b).ids)])
        self.assertEqual(mine, rows)
        groups = Aging.read_group([('partner_id', '=', self.partner_a.id)],
                                  ['residual', 'user_id'], ['user_id'])
        self.assertEqual(groups[0]['residual'], 1400.0)

        Dso = self.env['eco.dso.report']
        self.assertEqual(Dso.search([('invoice_id', '=', paid.id)]).days, 35.0)
        self.assertEqual(Dso.search([('invoice_id', '=', late.id)]).days, 75.0)
