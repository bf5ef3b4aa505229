#!/usr/bin/env python3
# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the milestone escalation cron (eco.deadline.mixin).

Clones an installed database (with eco_order) into a scratch database, creates
ORDERS orders with one overdue milestone each (bulk SQL copies of one ORM-made
order and milestone), then runs ``_cron_eco_escalate_overdue`` with batch sizes
100, 500 and 1000 and prints the queries per batch and per record. Each run is
rolled back, so every batch size sees the same data. Not a test: run it by hand.

Measured 2026-11-28 (10,000 orders, 2 cores, load ~3): 14 queries per batch
whatever its size (100, 500 or 1,000 records: 1,418 / 280 / 140 queries in
all), 27 s for the 10,000 escalations with batches of 1,000. The activities
are inserted in bulk (``mail.activity._eco_create_bulk``); before that,
Odoo's one-by-one ``mail.activity.create`` cost ~36 queries per record.

    export ECO_VENV=/work/main/.venv
    $ECO_VENV/bin/python scripts/bench_escalation.py \\
        --config .local/eco_h_alloc.conf --source-db eco_h_alloc

The source database must exist with eco_order installed (scripts/dev-test.sh
leaves one) and have no open connection. The scratch database is dropped at
the end unless --keep is given.
"""
import argparse
import time
from datetime import datetime, timedelta

import psycopg2
from psycopg2 import sql

import odoo
from odoo import SUPERUSER_ID, api, fields


def admin_connection(config):
    conn = psycopg2.connect(
        dbname='postgres', host=config['db_host'] or None,
        port=config['db_port'] or None, user=config['db_user'],
        password=config['db_password'])
    conn.autocommit = True
    return conn


def clone_database(config, source, target):
    conn = admin_connection(config)
    with conn.cursor() as cr:
        cr.execute(sql.SQL('DROP DATABASE IF EXISTS {}').format(sql.Identifier(target)))
        cr.execute(sql.SQL('CREATE DATABASE {} TEMPLATE {}').format(
            sql.Identifier(target), sql.Identifier(source)))
    conn.close()


def drop_database(config, target):
    odoo.sql_db.close_db(target)
    conn = admin_connection(config)
    with conn.cursor() as cr:
        cr.execute(sql.SQL('DROP DATABASE IF EXISTS {}').format(sql.Identifier(target)))
    conn.close()


def copy_rows(cr, table, row_id, count, overrides):
    """Insert ``count`` copies of row ``row_id`` of ``table``; ``overrides``
    maps a column to an SQL expression of ``g.n`` (1..count). Returns the new
    ids in the order of ``g.n``."""
    cr.execute("SELECT column_name FROM information_schema.columns "
               "WHERE table_name = %s AND column_name != 'id' "
               "ORDER BY ordinal_position", (table,))
    columns = [r[0] for r in cr.fetchall()]
    select = [sql.SQL(overrides[c]) if c in overrides else sql.Identifier(c)
              for c in columns]
    query = sql.SQL(
        'INSERT INTO {table} ({cols}) SELECT {select} FROM {table}, '
        'generate_series(1, %s) AS g(n) WHERE {table}.id = %s ORDER BY g.n '
        'RETURNING id'
    ).format(
        table=sql.Identifier(table),
        cols=sql.SQL(', ').join(sql.Identifier(c) for c in columns),
        select=sql.SQL(', ').join(select),
    )
    cr.execute(query.as_string(cr._obj), (count, row_id))
    return [r[0] for r in cr.fetchall()]


def create_data(env, orders):
    """``orders`` orders, each with one milestone 2 hours overdue (level 1)."""
    partner = env['res.partner'].create({'name': 'Benchmark Customer'})
    leader = env['res.users'].with_context(no_reset_password=True).create({
        'name': 'Benchmark Leader', 'login': 'bench_leader'})
    team = env['crm.team'].create({'name': 'Benchmark Team', 'user_id': leader.id})
    lead = env['res.users'].with_context(no_reset_password=True).create({
        'name': 'Benchmark Lead', 'login': 'bench_lead'})
    order = env['sale.order'].create({'partner_id': partner.id, 'team_id': team.id})
    late = fields.Datetime.to_string(datetime.utcnow() - timedelta(hours=2))
    milestone = env['eco.order.milestone'].create({
        'order_id': order.id, 'name': 'Delivered', 'deadline': late,
        'user_id': lead.id})
    cr = env.cr
    order_ids = copy_rows(cr, 'sale_order', order.id, orders - 1,
                          {'name': "'BENCH' || lpad(g.n::text, 6, '0')"})
    order_ids.insert(0, order.id)
    cr.execute('CREATE TEMP TABLE bench_orders (n serial, order_id int)')
    cr.execute('INSERT INTO bench_orders (order_id) SELECT unnest(%s)',
               (order_ids[1:],))
    copy_rows(cr, 'eco_order_milestone', milestone.id, orders - 1, {
        'order_id': '(SELECT b.order_id FROM bench_orders b WHERE b.n = g.n)'})
    env.clear()
    return env['eco.order.milestone'].search_count([('deadline_state', '=', 'overdue')])


def run(env, batch_size, max_batches=0):
    Milestone = env['eco.order.milestone']
    cls = type(Milestone)
    original = cls._eco_escalate_batch
    per_batch = []

    def counted(self, ids, now, grace_limit):
        if max_batches and len(per_batch) >= max_batches:
            return 0
        before = self.env.cr.sql_log_count
        done = original(self, ids, now, grace_limit)
        per_batch.append((len(ids), self.env.cr.sql_log_count - before))
        # keep memory flat between batches, as separate transactions would
        self.env.clear()
        return done

    cls._eco_escalate_batch = counted
    try:
        start = time.time()
        total_before = env.cr.sql_log_count
        done = Milestone._cron_eco_escalate_overdue(batch_size=batch_size)
        total = env.cr.sql_log_count - total_before
        elapsed = time.time() - start
    finally:
        cls._eco_escalate_batch = original
    records = sum(n for n, _q in per_batch)
    queries = sum(q for _n, q in per_batch)
    print('batch size %5d: %3d batches, %6d records escalated, %7d queries in '
          'batches (%.0f per batch, %.1f per record), %d in total, %.1f s'
          % (batch_size, len(per_batch), done, queries,
             queries / max(len(per_batch), 1), queries / max(records, 1),
             total, elapsed))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--config', required=True, help='Odoo configuration file')
    parser.add_argument('--source-db', required=True,
                        help='installed database to clone (eco_order installed)')
    parser.add_argument('--db', default=None, help='scratch database name')
    parser.add_argument('--orders', type=int, default=10000)
    parser.add_argument('--batch-sizes', default='100,500,1000')
    parser.add_argument('--max-batches', type=int, default=0,
                        help='escalate only the first N batches of each size '
                             '(0: all); the per-batch counts are the same')
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
            overdue = create_data(env, args.orders)
            print('%d orders with an overdue milestone in %s' % (overdue, target))
            cr.commit()
            for size in [int(s) for s in args.batch_sizes.split(',')]:
                run(env, size, args.max_batches)
                cr.rollback()
    finally:
        if not args.keep:
            drop_database(config, target)


if __name__ == '__main__':
    main()
