#!/usr/bin/env python3
# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the incremental compliance cron (sale.order._cron_eco_compliance).

Clones an installed database (with eco_order) into a scratch database, creates
ORDERS orders, each with a need and a milestone (bulk SQL copies of one
ORM-made order, need and milestone), then:

1. runs the cron over all of them (first run: every order is new), printing
   the queries of every batch (min / max), the process memory (RSS) after the
   first batch, every 10 % and the last one, and the time;
2. runs it again with nothing changed (incremental: 0 orders, a few queries);
3. changes CHANGED orders and passes the deadline of as many others, and runs
   it again (only those are checked).

Not a test: run it by hand (in an odoo-slot).

Measured 2026-12-01 (see the report of issue 8 / README for the figures).

    export ECO_VENV=/work/main/.venv
    /work/bin/odoo-slot $ECO_VENV/bin/python scripts/bench_compliance.py \\
        --config .local/eco_t_i8b.conf --source-db eco_t_i8b --orders 100000

The source database must exist with eco_order installed and have no open
connection. The scratch database is dropped at the end unless --keep is given.
"""
import argparse
import os
import time
from datetime import datetime, timedelta

import psutil

import odoo
from odoo import SUPERUSER_ID, api, fields

from bench_escalation import clone_database, copy_rows, drop_database


def create_data(env, orders):
    partner = env['res.partner'].create({'name': 'Benchmark Compliance Customer'})
    department = env['hr.department'].create({'name': 'Benchmark Department'})
    now = datetime.utcnow()
    order = env['sale.order'].create({
        'partner_id': partner.id,
        'intake_received_date': fields.Datetime.to_string(now - timedelta(hours=3)),
        'intake_first_response_date': fields.Datetime.to_string(
            now - timedelta(hours=2)),
    })
    need = env['eco.order.need'].with_context(eco_need_no_route=True).create({
        'partner_id': partner.id, 'order_id': order.id,
        'description': 'Benchmark need', 'department_id': department.id})
    milestone = env['eco.order.milestone'].create({
        'order_id': order.id, 'name': 'Sampling',
        'deadline': fields.Datetime.to_string(now + timedelta(days=30))})
    cr = env.cr
    order_ids = copy_rows(cr, 'sale_order', order.id, orders - 1,
                          {'name': "'BCOMP' || lpad(g.n::text, 6, '0')"})
    order_ids.insert(0, order.id)
    cr.execute('CREATE TEMP TABLE bench_orders (n serial, order_id int)')
    cr.execute('INSERT INTO bench_orders (order_id) SELECT unnest(%s)',
               (order_ids[1:],))
    # the copies look their order up by n: indexed, or it is quadratic
    cr.execute('CREATE UNIQUE INDEX ON bench_orders (n)')
    cr.execute('ANALYZE bench_orders')
    link = '(SELECT b.order_id FROM bench_orders b WHERE b.n = g.n)'
    copy_rows(cr, 'eco_order_need', need.id, orders - 1, {
        'order_id': link, 'name': "'BNEED' || g.n"})
    copy_rows(cr, 'eco_order_milestone', milestone.id, orders - 1, {'order_id': link})
    cr.execute('ANALYZE sale_order')
    env.clear()
    return order_ids


def run(env, label, batch_size, max_batches=0):
    Sale = env['sale.order']
    cls = type(Sale)
    original = cls._eco_compliance_batch
    per_batch = []
    process = psutil.Process(os.getpid())

    def counted(self, ids, now, stamp):
        before = self.env.cr.sql_log_count
        done = original(self, ids, now, stamp)
        per_batch.append((len(ids), self.env.cr.sql_log_count - before,
                          process.memory_info().rss / 1048576.0))
        return done

    cls._eco_compliance_batch = counted
    try:
        start = time.time()
        total_before = env.cr.sql_log_count
        done = Sale._cron_eco_compliance(batch_size=batch_size, max_batches=max_batches)
        total = env.cr.sql_log_count - total_before
        elapsed = time.time() - start
    finally:
        cls._eco_compliance_batch = original
    queries = [q for _n, q, _m in per_batch]
    print('%s: %d orders checked in %d batches of %d, %.1f s; queries per batch '
          'min %s max %s; %d queries in all (%d outside the batches)' % (
              label, done, len(per_batch), batch_size, elapsed,
              min(queries) if queries else 0, max(queries) if queries else 0,
              total, total - sum(queries)))
    if len(per_batch) > 1:
        step = max(len(per_batch) // 10, 1)
        marks = sorted(set(list(range(0, len(per_batch), step)) + [len(per_batch) - 1]))
        print('    RSS (MiB) after batch ' + ', '.join(
            '%d: %.0f' % (i + 1, per_batch[i][2]) for i in marks))
    return done


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--config', required=True, help='Odoo configuration file')
    parser.add_argument('--source-db', required=True,
                        help='installed database to clone (eco_order installed)')
    parser.add_argument('--db', default=None, help='scratch database name')
    parser.add_argument('--orders', type=int, default=100000)
    parser.add_argument('--changed', type=int, default=1000)
    parser.add_argument('--batch-size', type=int, default=500)
    parser.add_argument('--keep', action='store_true', help='keep the scratch database')
    args = parser.parse_args()
    odoo.tools.config.parse_config(['-c', args.config])
    config = odoo.tools.config
    target = args.db or '%s_bench' % args.source_db
    clone_database(config, args.source_db, target)
    try:
        registry = odoo.registry(target)
        with api.Environment.manage(), registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            start = time.time()
            order_ids = create_data(env, args.orders)
            cr.commit()
            print('%d orders (with a need and a milestone each) created in %s in '
                  '%.0f s' % (len(order_ids), target, time.time() - start))
            run(env, 'first run (all new)', args.batch_size)
            cr.commit()
            run(env, 'second run (nothing changed)', args.batch_size)
            cr.commit()
            changed = order_ids[::max(len(order_ids) // args.changed, 1)][:args.changed]
            due = order_ids[1::max(len(order_ids) // args.changed, 1)][:args.changed]
            env['sale.order'].browse(changed).write({'note': 'changed'})
            cr.execute(
                "UPDATE sale_order SET eco_compliance_due = now() AT TIME ZONE 'UTC' "
                "- interval '1 minute' WHERE id = ANY(%s)", (due,))
            cr.commit()
            run(env, 'third run (%d changed, %d deadlines passed)' % (
                len(changed), len(due)), args.batch_size)
            cr.rollback()
    finally:
        if not args.keep:
            drop_database(config, target)


if __name__ == '__main__':
    main()
