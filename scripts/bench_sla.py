#!/usr/bin/env python3
# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the after-sales SLA escalation cron (eco_aftersales).

Clones an installed database (with eco_aftersales) into a scratch database,
creates TICKETS open tickets whose SLA deadline passed 2 hours ago (bulk SQL
copies of one ORM-made ticket, helpers of scripts/bench_escalation.py), then
runs ``helpdesk.ticket._cron_eco_escalate_overdue`` with batch sizes 100, 500
and 1000 and prints the queries per batch and per ticket. Each run is rolled
back, so every batch size sees the same data. Not a test: run it by hand.

Measured 2026-12-02 (10,000 tickets, 2 cores shared with other runs): 14 queries
per batch whatever its size (first batch 26: caches), i.e. 1,417 / 280 / 140
queries for batches of 100 / 500 / 1,000; 49 s / 43 s / 33 s for the 10,000
level-1 escalations (activities in bulk, breach stamped once per batch).

    export ECO_VENV=/work/main/.venv
    $ECO_VENV/bin/python scripts/bench_sla.py \\
        --config .local/eco_t_aft.conf --source-db eco_t_aft
"""
import argparse
import os
import sys
import time
from datetime import datetime, timedelta

import odoo
from odoo import SUPERUSER_ID, api, fields

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_escalation import clone_database, copy_rows, drop_database  # noqa: E402


def create_data(env, tickets):
    """``tickets`` open tickets, each 2 hours past its first-response due."""
    Users = env['res.users'].with_context(no_reset_password=True)
    assignee = Users.create({'name': 'Bench Assignee', 'login': 'bench_sla_user'})
    manager = Users.create({'name': 'Bench Manager', 'login': 'bench_sla_manager'})
    team = env['helpdesk.ticket.team'].create({
        'name': 'Bench Team', 'user_ids': [(6, 0, assignee.ids)],
        'eco_manager_id': manager.id})
    partner = env['res.partner'].create({'name': 'Bench SLA Customer'})
    ticket = env['helpdesk.ticket'].create({
        'name': 'Bench ticket', 'partner_id': partner.id, 'team_id': team.id,
        'user_id': assignee.id})
    late = fields.Datetime.to_string(datetime.utcnow() - timedelta(hours=2))
    ticket.write({'deadline': late})
    copy_rows(env.cr, 'helpdesk_ticket', ticket.id, tickets - 1,
              {'number': "'BENCH' || lpad(g.n::text, 6, '0')"})
    env.clear()
    return env['helpdesk.ticket'].search_count([('deadline_state', '=', 'overdue')])


def run(env, batch_size):
    Ticket = env['helpdesk.ticket']
    cls = type(Ticket)
    original = cls._eco_escalate_batch
    per_batch = []

    def counted(self, ids, now, grace_limit):
        before = self.env.cr.sql_log_count
        done = original(self, ids, now, grace_limit)
        per_batch.append((len(ids), self.env.cr.sql_log_count - before))
        self.env.clear()
        return done

    cls._eco_escalate_batch = counted
    try:
        start = time.time()
        done = Ticket._cron_eco_escalate_overdue(batch_size=batch_size)
        elapsed = time.time() - start
    finally:
        cls._eco_escalate_batch = original
    records = sum(n for n, _q in per_batch)
    queries = sum(q for _n, q in per_batch)
    counts = sorted({q for _n, q in per_batch})
    print('batch size %5d: %3d batches, %6d tickets escalated, %7d queries in '
          'batches (%.0f per batch, min %d max %d, %.2f per ticket), %.1f s'
          % (batch_size, len(per_batch), done, queries,
             queries / max(len(per_batch), 1), counts[0] if counts else 0,
             counts[-1] if counts else 0, queries / max(records, 1), elapsed))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--config', required=True, help='Odoo configuration file')
    parser.add_argument('--source-db', required=True,
                        help='installed database to clone (eco_aftersales installed)')
    parser.add_argument('--db', default=None, help='scratch database name')
    parser.add_argument('--tickets', type=int, default=10000)
    parser.add_argument('--batch-sizes', default='100,500,1000')
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
            overdue = create_data(env, args.tickets)
            print('%d open tickets past their SLA in %s' % (overdue, target))
            cr.commit()
            for size in [int(s) for s in args.batch_sizes.split(',')]:
                run(env, size)
                cr.rollback()
    finally:
        if not args.keep:
            drop_database(config, target)


if __name__ == '__main__':
    main()
