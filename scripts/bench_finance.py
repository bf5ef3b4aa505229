#!/usr/bin/env python3
# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of eco_finance's batch jobs: the dunning run and the cost-sheet refresh.

Clones an installed database (with eco_finance) into a scratch database and
creates, by bulk SQL copies of ORM-made records:
- INVOICES overdue receivable lines (copies of the receivable line of one open
  customer invoice, each with its own partner), then runs
  ``credit.control.run._eco_cron_dunning`` (policy "Eco collection", level 1
  reminder mail with its statement; the statement is rendered as usual but
  wkhtmltopdf, 0.6 s per customer and no query, runs once and its PDF is reused) with
  each batch size;
- ORDERS confirmed orders with their own analytic account, cost sheet and two
  analytic lines, then refreshes every cost sheet (``eco.cost.sheet._eco_refresh``)
  with each batch size.
It prints the queries per batch (and per record) and the time. Each run is rolled
back so every batch size sees the same data. Not a test: run it by hand.

    export ECO_VENV=/work/main/.venv
    $ECO_VENV/bin/python scripts/bench_finance.py \\
        --config .local/eco_t_fin.conf --source-db eco_t_fin

The source database must have no open connection; the scratch database is dropped
at the end unless --keep is given.
"""
import argparse
import time
from datetime import date, timedelta

from psycopg2 import sql

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import split_every

from bench_escalation import clone_database, copy_rows, drop_database


def mapping_table(cr, name, ids):
    cr.execute(sql.SQL('CREATE TEMP TABLE {} (n serial, ref int)').format(
        sql.Identifier(name)))
    cr.execute(sql.SQL('INSERT INTO {} (ref) SELECT unnest(%s)').format(
        sql.Identifier(name)), (ids,))


def create_invoices(env, count):
    Partner = env['res.partner']
    partner = Partner.create({'name': 'Bench Debtor', 'customer': True,
                              'email': 'ap@bench.example.com'})
    account = env['account.account'].search(
        [('user_type_id', '=', env.ref('account.data_account_type_revenue').id)],
        limit=1)
    due = (date.today() - timedelta(days=40)).isoformat()
    invoice = env['account.invoice'].create({
        'partner_id': partner.id, 'type': 'out_invoice', 'date_due': due,
        'date_invoice': (date.today() - timedelta(days=70)).isoformat(),
        'invoice_line_ids': [(0, 0, {'name': 'Bench', 'quantity': 1,
                                     'price_unit': 100.0, 'account_id': account.id})]})
    invoice.action_invoice_open()
    line = invoice.move_id.line_ids.filtered(
        lambda l: l.account_id == invoice.account_id)
    cr = env.cr
    partner_ids = copy_rows(cr, 'res_partner', partner.id, count - 1, {
        'name': "'Bench Debtor ' || g.n"})
    cr.execute('UPDATE res_partner SET commercial_partner_id = id WHERE id IN %s',
               (tuple(partner_ids),))
    mapping_table(cr, 'bench_partners', partner_ids)
    copy_rows(cr, 'account_move_line', line.id, count - 1, {
        'partner_id': '(SELECT b.ref FROM bench_partners b WHERE b.n = g.n)'})
    env.clear()


def create_sheets(env, count):
    partner = env['res.partner'].create({'name': 'Bench Customer', 'customer': True})
    analytic = env['account.analytic.account'].create({'name': 'Bench order'})
    order = env['sale.order'].create({'partner_id': partner.id,
                                      'analytic_account_id': analytic.id})
    env.cr.execute("UPDATE sale_order SET state = 'sale' WHERE id = %s", (order.id,))
    sheet = env['eco.cost.sheet'].create({'order_id': order.id,
                                          'baseline_total': 1000.0})
    line = env['account.analytic.line'].create({
        'name': 'Bench cost', 'account_id': analytic.id, 'amount': -400.0})
    cr = env.cr
    account_ids = copy_rows(cr, 'account_analytic_account', analytic.id, count - 1, {
        'name': "'Bench order ' || g.n"})
    mapping_table(cr, 'bench_accounts', account_ids)
    order_ids = copy_rows(cr, 'sale_order', order.id, count - 1, {
        'name': "'BENCH' || lpad(g.n::text, 6, '0')",
        'analytic_account_id': '(SELECT b.ref FROM bench_accounts b WHERE b.n = g.n)'})
    mapping_table(cr, 'bench_orders', order_ids)
    copy_rows(cr, 'eco_cost_sheet', sheet.id, count - 1, {
        'order_id': '(SELECT b.ref FROM bench_orders b WHERE b.n = g.n)'})
    for _i in range(2):
        copy_rows(cr, 'account_analytic_line', line.id, count - 1, {
            'account_id': '(SELECT b.ref FROM bench_accounts b WHERE b.n = g.n)'})
    env.clear()


def report(label, batch_size, per_batch, elapsed, total):
    records = sum(n for n, _q in per_batch)
    queries = sum(q for _n, q in per_batch)
    print('%s, batch size %5d: %3d batches, %6d records, %7d queries in batches '
          '(%.0f per batch, %.2f per record; min/max per batch %d/%d), %d in total, '
          '%.1f s' % (label, batch_size, len(per_batch), records, queries,
                      queries / max(len(per_batch), 1), queries / max(records, 1),
                      min(q for _n, q in per_batch) if per_batch else 0,
                      max(q for _n, q in per_batch) if per_batch else 0,
                      total, elapsed))


def without_wkhtmltopdf(env):
    """The reminder statements are rendered (HTML, queries counted) but not
    converted by wkhtmltopdf (about 0.6 s per customer, no query)."""
    cls = type(env['ir.actions.report'])
    original = cls._run_wkhtmltopdf
    made = []

    def fixed_pdf(self, bodies, *args, **kwargs):
        # the first statement is converted, its PDF stands in for the others
        if not made:
            made.append(original(self, bodies, *args, **kwargs))
        return made[0]

    cls._run_wkhtmltopdf = fixed_pdf


def run_dunning(env, batch_size, max_batches):
    Run = env['credit.control.run']
    cls = type(Run)
    original = cls._eco_run_batch
    per_batch = []

    def counted(self, policy, day, move_lines):
        if max_batches and len(per_batch) >= max_batches:
            return self.browse()
        before = self.env.cr.sql_log_count
        res = original(self, policy, day, move_lines)
        per_batch.append((len(move_lines), self.env.cr.sql_log_count - before))
        self.env.clear()
        return res

    cls._eco_run_batch = counted
    try:
        start = time.time()
        before = env.cr.sql_log_count
        Run._eco_cron_dunning(batch_size=batch_size)
        total = env.cr.sql_log_count - before
        elapsed = time.time() - start
    finally:
        cls._eco_run_batch = original
    report('dunning run', batch_size, per_batch, elapsed, total)


def run_refresh(env, batch_size, max_batches):
    Sheet = env['eco.cost.sheet']
    ids = Sheet.search([]).ids
    per_batch = []
    start = time.time()
    before_all = env.cr.sql_log_count
    for chunk in split_every(batch_size, ids):
        if max_batches and len(per_batch) >= max_batches:
            break
        before = env.cr.sql_log_count
        Sheet.browse(chunk)._eco_refresh()
        per_batch.append((len(chunk), env.cr.sql_log_count - before))
        env.clear()
    report('cost-sheet refresh', batch_size, per_batch, time.time() - start,
           env.cr.sql_log_count - before_all)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--config', required=True, help='Odoo configuration file')
    parser.add_argument('--source-db', required=True,
                        help='installed database to clone (eco_finance installed)')
    parser.add_argument('--db', default=None, help='scratch database name')
    parser.add_argument('--invoices', type=int, default=10000)
    parser.add_argument('--orders', type=int, default=10000)
    parser.add_argument('--batch-sizes', default='100,500')
    parser.add_argument('--max-batches', type=int, default=0,
                        help='only the first N batches of each size (0: all)')
    parser.add_argument('--keep', action='store_true')
    args = parser.parse_args()
    odoo.tools.config.parse_config(['-c', args.config])
    config = odoo.tools.config
    target = args.db or '%s_bench' % args.source_db
    clone_database(config, args.source_db, target)
    try:
        registry = odoo.registry(target)
        with api.Environment.manage(), registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {'tracking_disable': True})
            without_wkhtmltopdf(env)
            create_invoices(env, args.invoices)
            create_sheets(env, args.orders)
            cr.commit()
            print('%d overdue invoices and %d cost sheets in %s' % (
                args.invoices, args.orders, target))
            for size in [int(s) for s in args.batch_sizes.split(',')]:
                run_dunning(env, size, args.max_batches)
                cr.rollback()
                run_refresh(env, size, args.max_batches)
                cr.rollback()
    finally:
        if not args.keep:
            drop_database(config, target)


if __name__ == '__main__':
    main()
