#!/usr/bin/env python3
# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the appraisal KPIs (eco_hr, R4.2).

Clones an installed database (with eco_hr) into a scratch database and, for
each size EMPLOYEES:ORDERS, creates that many users with employees (in ten
departments) and orders led by them in one quarter (bulk SQL copies of
ORM-made records: one milestone per order, one order in twenty with a
rectification, one acknowledgement in ten late), then computes an appraisal
period and prints the queries of each KPI source, of the KPI computation as a
whole and of the complete ``action_compute`` (which also writes the
appraisals and ranks them), with the times. Every size is rolled back. Not a
test: run it by hand.

Measured 2026-12-01 (2 cores, shared): the KPIs cost 8 queries whatever the
size (orders 2, rework 1, milestones 4, first response 1): 0.14 s for 50
employees / 10,000 orders, 3.3 s for 500 employees / 100,000 orders (100,028
milestones, 5,001 rectifications). The complete action_compute, which also
creates the appraisals with the ORM and ranks them, took 399 queries (0.45 s)
and 3,587 queries (7.2 s): about 7 per appraisal written, none per order.

    export ECO_VENV=/work/main/.venv
    $ECO_VENV/bin/python scripts/bench_appraisal.py \\
        --config .local/eco_t_hr.conf --source-db eco_t_hr

The source database must have eco_hr installed and no open connection. The
scratch database is dropped at the end unless --keep is given.
"""
import argparse
import time

from psycopg2 import sql

import odoo
from odoo import SUPERUSER_ID, api

from bench_escalation import clone_database, copy_rows, drop_database

KPI_METHODS = ('_eco_order_figures', '_eco_rework_orders', '_eco_milestone_figures',
               '_eco_response_figures')


def temp_ids(cr, name, ids):
    """A temporary table ``name`` (n, id) numbering ``ids`` from 1."""
    cr.execute(sql.SQL('DROP TABLE IF EXISTS {}').format(sql.Identifier(name))
               .as_string(cr._obj))
    cr.execute(sql.SQL('CREATE TEMP TABLE {} (n serial PRIMARY KEY, id int)').format(
        sql.Identifier(name)).as_string(cr._obj))
    cr.execute(sql.SQL('INSERT INTO {} (id) SELECT unnest(%s)').format(
        sql.Identifier(name)).as_string(cr._obj), (ids,))


def create_data(env, employees, orders):
    cr = env.cr
    Users = env['res.users'].with_context(no_reset_password=True)
    departments = [env['hr.department'].create({'name': 'Bench department %d' % i})
                   for i in range(10)]
    user = Users.create({'name': 'Bench Lead', 'login': 'bench_lead_0'})
    employee = env['hr.employee'].create({'name': 'Bench Lead', 'user_id': user.id,
                                          'department_id': departments[0].id})
    partner_ids = [user.partner_id.id] + copy_rows(
        cr, 'res_partner', user.partner_id.id, employees - 1,
        {'name': "'Bench Lead ' || g.n"})
    temp_ids(cr, 'bench_partners', partner_ids[1:])
    user_ids = [user.id] + copy_rows(cr, 'res_users', user.id, employees - 1, {
        'login': "'bench_lead_' || g.n",
        'partner_id': '(SELECT b.id FROM bench_partners b WHERE b.n = g.n)'})
    temp_ids(cr, 'bench_users', user_ids[1:])
    resource_ids = [employee.resource_id.id] + copy_rows(
        cr, 'resource_resource', employee.resource_id.id, employees - 1, {
            'name': "'Bench Lead ' || g.n",
            'user_id': '(SELECT b.id FROM bench_users b WHERE b.n = g.n)'})
    temp_ids(cr, 'bench_resources', resource_ids[1:])
    temp_ids(cr, 'bench_departments', [d.id for d in departments])
    copy_rows(cr, 'hr_employee', employee.id, employees - 1, {
        'resource_id': '(SELECT b.id FROM bench_resources b WHERE b.n = g.n)',
        'department_id': '(SELECT b.id FROM bench_departments b '
                         'WHERE b.n = 1 + g.n %% 10)'})
    # one ORM order and milestone, copied
    partner = env['res.partner'].create({'name': 'Bench Customer'})
    order = env['sale.order'].create({'partner_id': partner.id})
    order.write({'eco_project_lead_id': user.id, 'intake_state': 'accepted',
                 'eco_allocation_date': '2025-02-01 08:00:00', 'eco_ack_state': 'done',
                 'eco_ack_deadline': '2025-02-01 12:00:00',
                 'eco_ack_date': '2025-02-01 09:00:00'})
    milestone = env['eco.order.milestone'].create({
        'order_id': order.id, 'name': 'Delivered', 'user_id': user.id,
        'deadline': '2025-02-20 10:00:00', 'state': 'done',
        'date_done': '2025-02-19 10:00:00'})
    temp_ids(cr, 'bench_all_users', user_ids)
    lead = '(SELECT b.id FROM bench_all_users b WHERE b.n = 1 + g.n %% {})'.format(
        int(employees))
    day = "(timestamp '2025-01-01 08:00:00' + (g.n %% 89) * interval '1 day')"
    order_ids = [order.id] + copy_rows(cr, 'sale_order', order.id, orders - 1, {
        'name': "'BENCH' || lpad(g.n::text, 7, '0')",
        'eco_project_lead_id': lead,
        'eco_allocation_date': day,
        'eco_ack_deadline': day + " + interval '4 hours'",
        'eco_ack_date': "CASE WHEN g.n %% 10 = 0 THEN {d} + interval '6 hours' "
                        "ELSE {d} + interval '1 hour' END".format(d=day)})
    temp_ids(cr, 'bench_orders', order_ids[1:])
    copy_rows(cr, 'eco_order_milestone', milestone.id, orders - 1, {
        'order_id': '(SELECT b.id FROM bench_orders b WHERE b.n = g.n)',
        'user_id': lead,
        'deadline': day + " + interval '10 days'",
        'date_done': "CASE WHEN g.n %% 7 = 0 THEN {d} + interval '12 days' "
                     "ELSE {d} + interval '9 days' END".format(d=day),
        'done_late': 'g.n %% 7 = 0'})
    rect = env['eco.rectification'].create(
        {'name': 'Bench issue', 'order_id': order.id})
    copy_rows(cr, 'eco_rectification', rect.id, orders // 20 - 1, {
        'order_id': '(SELECT b.id FROM bench_orders b WHERE b.n = g.n * 20)'})
    env.clear()
    return env['eco.appraisal.period'].create({
        'name': 'Bench 2025 Q1', 'date_from': '2025-01-01', 'date_to': '2025-03-31'})


def counted(env, label, func):
    cr = env.cr
    before = cr.sql_log_count
    start = time.time()
    result = func()
    print('  %-28s %6d queries %8.2f s'
          % (label, cr.sql_log_count - before, time.time() - start))
    return result


def run(env, employees, orders):
    start = time.time()
    period = create_data(env, employees, orders)
    print('%d employees, %d orders (%d milestones, %d rectifications) created in '
          '%.1f s' % (employees, orders,
                      env['eco.order.milestone'].search_count([]),
                      env['eco.rectification'].search_count([]),
                      time.time() - start))
    for name in KPI_METHODS:
        counted(env, name, getattr(period, name))
    values = counted(env, 'all KPIs (_eco_compute_values)',
                     period._eco_compute_values)
    counted(env, 'action_compute (+ write, rank)', period.action_compute)
    appraisals = env['eco.appraisal'].search([('period_id', '=', period.id)])
    sample = appraisals[:1]
    print('  %d appraisals (%d employees with KPIs); first: %s accuracy %.2f '
          'timeliness %.2f score %.2f rank %d' % (
              len(appraisals), len(values), sample.employee_id.name, sample.accuracy,
              sample.timeliness, sample.score, sample.rank))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--config', required=True, help='Odoo configuration file')
    parser.add_argument('--source-db', required=True,
                        help='installed database to clone (eco_hr installed)')
    parser.add_argument('--db', default=None, help='scratch database name')
    parser.add_argument('--sizes', default='50:10000,500:100000',
                        help='EMPLOYEES:ORDERS pairs, comma-separated')
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
            for size in args.sizes.split(','):
                employees, orders = (int(x) for x in size.split(':'))
                run(env, employees, orders)
                cr.rollback()
                env.clear()
    finally:
        if not args.keep:
            drop_database(config, target)


if __name__ == '__main__':
    main()
