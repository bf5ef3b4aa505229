#!/usr/bin/env python3
# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the order cycle, vanilla Odoo against the suite, side by side.

Clones two installed databases into scratch databases: one with only Odoo's modules
(the template database of scripts/setup.sh) and one with the suite installed (the test
or demo database). Then, in one process and interleaved (vanilla order, suite order,
vanilla order, ...), it runs ORDERS three-line orders through the cycle as a real user
(sales, stock and accounting manager; order manager in the suite):

    quotation -> confirm -> deliver -> invoice -> pay

and, in the suite, the intake step (review, accept and allocation) of orders that need
the intake review, apart from the cycle. It prints wall time and SQL queries per order
and per phase for both, and their ratios. Not a test: run it by hand. The first
WARMUP orders of each side are not counted (caches, prepared plans).

    export ECO_VENV=/work/main/.venv
    $ECO_VENV/bin/python scripts/bench_order_cycle.py --config .local/eco_test.conf \\
        --vanilla-db eco_tmpl_XXXX --suite-db eco_test --orders 50

The source databases must have no open connection; the scratch databases are dropped
at the end unless --keep is given.
"""
import argparse
import statistics
import time

import odoo
from odoo import SUPERUSER_ID, api, fields

from bench_escalation import clone_database, drop_database

PHASES = ('quotation', 'intake', 'confirm', 'deliver', 'invoice', 'pay')
CYCLE = ('quotation', 'confirm', 'deliver', 'invoice', 'pay')


class Counter(object):
    """Counts the SQL queries of the whole process (every cursor)."""
    count = 0

    @classmethod
    def install(cls):
        original = odoo.sql_db.Cursor.execute

        def execute(self, *args, **kwargs):
            cls.count += 1
            return original(self, *args, **kwargs)
        odoo.sql_db.Cursor.execute = execute


class Side(object):
    """One database and the records its orders use."""

    def __init__(self, label, db):
        self.label = label
        self.db = db
        self.registry = odoo.registry(db)
        self.samples = {phase: [] for phase in PHASES}

    def setup(self):
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            groups = ['sales_team.group_sale_manager', 'stock.group_stock_manager',
                      'account.group_account_manager']
            if 'eco.order.milestone' in env:
                groups.append('eco_order.group_eco_order_manager')
            # a database that ran the benchmark before keeps its user
            env['res.users'].search([('login', '=', 'bench_cycle')]).write(
                {'login': 'bench_cycle_%d' % int(time.time())})
            user = env['res.users'].with_context(no_reset_password=True).create({
                'name': 'Cycle Benchmark', 'login': 'bench_cycle',
                'email': 'bench_cycle@example.com',
                'groups_id': [(6, 0, [env.ref('base.group_user').id]
                               + [env.ref(g).id for g in groups])],
            })
            partner = env['res.partner'].create({
                'name': 'Cycle Customer', 'customer': True, 'is_company': True,
                'email': 'cycle@example.com', 'phone': '+86 10 0000 0000',
                'street': '1 Benchmark Road', 'city': 'Beijing'})
            products = env['product.product']
            for i in (1, 2, 3):
                products |= env['product.product'].create({
                    'name': 'Cycle product %d' % i, 'type': 'consu',
                    'list_price': 100.0 * i, 'invoice_policy': 'delivery',
                    'description_sale': 'Specification %d' % i})
            journal = env['account.journal'].search(
                [('type', '=', 'bank'), ('company_id', '=', user.company_id.id)],
                limit=1)
            self.uid, self.partner_id, self.journal_id = user.id, partner.id, journal.id
            self.product_ids = products.ids
            self.method_id = env.ref('account.account_payment_method_manual_in').id

    def _timed(self, phase, env, func):
        queries, start = Counter.count, time.time()
        result = func()
        self.samples[phase].append((time.time() - start, Counter.count - queries))
        return result

    def one_order(self, count=True):
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, self.uid, {})
            samples = {phase: len(rows) for phase, rows in self.samples.items()}
            values = {
                'partner_id': self.partner_id,
                'order_line': [(0, 0, {'product_id': pid, 'product_uom_qty': 2.0})
                               for pid in self.product_ids],
            }
            if 'intake_channel' in env['sale.order']._fields:
                # a request taken on the phone, with the date the customer asks for:
                # it goes through the intake review
                values.update(intake_channel='phone',
                              intake_required_date=fields.Date.today())
            order = self._timed(
                'quotation', env, lambda: env['sale.order'].create(values))
            if 'intake_state' in order._fields:
                self._timed('intake', env, lambda: self._intake(order))
            self._timed('confirm', env, order.action_confirm)
            self._timed('deliver', env, lambda: self._deliver(order))
            invoice = self._timed('invoice', env, lambda: self._invoice(order))
            self._timed('pay', env, lambda: self._pay(env, invoice))
            assert invoice.state == 'paid', invoice.state
            if not count:
                for phase, n in samples.items():
                    del self.samples[phase][n:]

    @staticmethod
    def _intake(order):
        required = getattr(order, '_eco_intake_required', lambda: True)()
        if required and order.intake_state != 'accepted':
            order.action_intake_review()
            order.action_intake_accept()

    @staticmethod
    def _deliver(order):
        for picking in order.picking_ids:
            picking.action_assign()
            for move in picking.move_lines:
                move.quantity_done = move.product_uom_qty
            picking.button_validate()

    @staticmethod
    def _invoice(order):
        invoice = order.env['account.invoice'].browse(order.action_invoice_create())
        invoice.action_invoice_open()
        return invoice

    def _pay(self, env, invoice):
        payment = env['account.payment'].create({
            'payment_type': 'inbound', 'partner_type': 'customer',
            'partner_id': invoice.partner_id.id, 'amount': invoice.residual,
            'journal_id': self.journal_id, 'payment_method_id': self.method_id,
            'invoice_ids': [(6, 0, invoice.ids)],
        })
        payment.post()


def summary(side, phases):
    wall = [sum(side.samples[p][i][0] for p in phases)
            for i in range(len(side.samples['quotation']))]
    queries = [sum(side.samples[p][i][1] for p in phases)
               for i in range(len(side.samples['quotation']))]
    return statistics.mean(wall) * 1000.0, statistics.mean(queries)


def phase_mean(side, phase):
    rows = side.samples[phase]
    if not rows:
        return None, None
    return (statistics.mean(r[0] for r in rows) * 1000.0,
            statistics.mean(r[1] for r in rows))


def report(vanilla, suite, orders):
    print('\n%d orders per side (3 lines each), means per order' % orders)
    print('%-10s %12s %12s %8s   %10s %10s %8s' % (
        'phase', 'vanilla ms', 'suite ms', 'ratio', 'vanilla q', 'suite q', 'ratio'))
    for phase in PHASES:
        vw, vq = phase_mean(vanilla, phase)
        sw, sq = phase_mean(suite, phase)
        if sw is None:
            continue
        if vw is None:
            print('%-10s %12s %12.1f %8s   %10s %10.1f %8s' % (
                phase, '-', sw, '-', '-', sq, '-'))
            continue
        print('%-10s %12.1f %12.1f %8.3f   %10.1f %10.1f %8.3f' % (
            phase, vw, sw, sw / vw, vq, sq, sq / vq if vq else 0))
    vw, vq = summary(vanilla, CYCLE)
    sw, sq = summary(suite, CYCLE)
    print('%-10s %12.1f %12.1f %8.3f   %10.1f %10.1f %8.3f' % (
        'cycle', vw, sw, sw / vw, vq, sq, sq / vq))
    iw, iq = phase_mean(suite, 'intake')
    if iw is not None:
        print('intake step of the suite (review, accept, allocation): '
              '%.1f ms, %.1f queries per order' % (iw, iq))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--config', required=True, help='Odoo configuration file')
    parser.add_argument('--vanilla-db', required=True,
                        help='database with only Odoo modules (the template)')
    parser.add_argument('--suite-db', required=True,
                        help='database with the suite installed')
    parser.add_argument('--orders', type=int, default=50)
    parser.add_argument('--warmup', type=int, default=3)
    parser.add_argument('--keep', action='store_true')
    args = parser.parse_args()
    odoo.tools.config.parse_config(['-c', args.config])
    config = odoo.tools.config
    names = {'vanilla': args.vanilla_db + '_cycle', 'suite': args.suite_db + '_cycle'}
    clone_database(config, args.vanilla_db, names['vanilla'])
    clone_database(config, args.suite_db, names['suite'])
    Counter.install()
    try:
        vanilla = Side('vanilla', names['vanilla'])
        suite = Side('suite', names['suite'])
        for side in (vanilla, suite):
            side.setup()
        for i in range(args.warmup + args.orders):
            for side in (vanilla, suite):
                side.one_order(count=i >= args.warmup)
        report(vanilla, suite, args.orders)
    finally:
        if not args.keep:
            for name in names.values():
                drop_database(config, name)


if __name__ == '__main__':
    main()
