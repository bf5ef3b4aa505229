#!/usr/bin/env python3
# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The suite's crons under Odoo's prefork server: concurrent runs make no duplicates.

Run by scripts/prefork.sh on a scratch copy of the test database (scripts/test.sh runs
it after the tests):

1. creates data the crons act on (``prepare_*`` below: overdue milestones for
   eco_order's escalation, overdue invoices for eco_finance's dunning; each add-on
   adds its own) and commits it;
2. copies every cron of the suite (``ir.cron`` of the ``eco_*`` add-ons) so that two
   cron rows run each method, and makes them all due now;
3. starts Odoo with 2 HTTP workers and 2 cron workers; while the cron workers wake up,
   "runs manually" each cron twice at the same moment through the two HTTP workers
   (``ir.cron.method_direct_trigger`` over JSON-RPC as admin), so every method runs at
   least four times, at least two at once;
4. waits until every cron row has run, then stops the server;
5. checks: no deadlock and no ERROR/CRITICAL line in the server's log; no duplicate
   activity (same document, type, user, summary, deadline) and no duplicate message
   with a body (same document, subject and body: notes, letters, reminders; empty
   tracking entries are two writes, not two messages) among those made since step 2;
   no credit-control line twice for the same receivable line and level (the dunning
   data has many receivable lines on one invoice); and one more run of every cron
   finds nothing left to do (no lost update).

Prints each finding; exits 1 if there is one.
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta

import requests

import odoo
from odoo import SUPERUSER_ID, api, fields

from bench_escalation import create_data as create_overdue_milestones
from bench_finance import create_invoices as create_overdue_invoices


def prepare_eco_order(env, size):
    overdue = create_overdue_milestones(env, size)
    return 'eco_order: %d orders with an overdue milestone' % overdue


def prepare_eco_finance(env, size):
    create_overdue_invoices(env, size)
    return 'eco_finance: %d overdue invoices for the dunning run' % size


PREPARE = [('eco_order', prepare_eco_order), ('eco_finance', prepare_eco_finance)]


def suite_crons(env):
    data = env['ir.model.data'].search([
        ('model', '=', 'ir.cron'), ('module', '=like', 'eco\\_%')])
    return env['ir.cron'].with_context(active_test=False).browse(
        data.mapped('res_id')).filtered('active')


def counts(cr, since):
    cr.execute("SELECT count(*) FROM mail_activity WHERE create_date >= %s", (since,))
    activities = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM mail_message WHERE create_date >= %s", (since,))
    return activities, cr.fetchone()[0]


def duplicates(cr, since):
    found = []
    cr.execute("""
        SELECT res_model, res_id, activity_type_id, user_id, summary, date_deadline,
               count(*)
          FROM mail_activity WHERE create_date >= %s
         GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(*) > 1 LIMIT 20""", (since,))
    found += ['duplicate activity %s' % (row,) for row in cr.fetchall()]
    cr.execute("""
        SELECT model, res_id, subject, md5(coalesce(body, '')), count(*)
          FROM mail_message WHERE create_date >= %s AND model IS NOT NULL
           AND coalesce(body, '') != ''
         GROUP BY 1, 2, 3, 4 HAVING count(*) > 1 LIMIT 20""", (since,))
    found += ['duplicate message %s' % (row,) for row in cr.fetchall()]
    cr.execute("SELECT to_regclass('credit_control_line')")
    if cr.fetchone()[0]:
        cr.execute("""
            SELECT move_line_id, policy_level_id, count(*) FROM credit_control_line
             WHERE create_date >= %s GROUP BY 1, 2 HAVING count(*) > 1 LIMIT 20""",
                   (since,))
        found += ['duplicate credit control line %s' % (row,) for row in cr.fetchall()]
    return found


class Server(object):
    def __init__(self, odoo_bin, config, db, port, log):
        self.url = 'http://127.0.0.1:%d' % port
        self.log = log
        self.proc = subprocess.Popen([
            odoo_bin, '-c', config, '-d', db, '--workers=2', '--max-cron-threads=2',
            '--http-port=%d' % port, '--longpolling-port=%d' % (port + 3),
            '--logfile=%s' % log, '--log-level=info', '--limit-time-real=600',
            '--limit-time-cpu=300'])
        for _attempt in range(120):
            try:
                requests.get(self.url + '/web/login', timeout=30)
                break
            except requests.ConnectionError:
                time.sleep(1)
        else:
            self.stop()
            raise SystemExit('the prefork server did not start (%s)' % log)

    def session(self, db):
        http = requests.Session()
        response = http.post(self.url + '/web/session/authenticate', json={
            'jsonrpc': '2.0', 'method': 'call',
            'params': {'db': db, 'login': 'admin', 'password': 'admin'}}, timeout=60)
        if not response.json().get('result', {}).get('uid'):
            raise SystemExit('admin/admin cannot log in on %s' % db)
        return http

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def run_manually_at_once(server, db, cron_ids):
    """Each cron run manually by two HTTP workers at the same moment."""
    errors = []
    barrier = threading.Barrier(2)

    def worker(http):
        for cron_id in cron_ids:
            barrier.wait()
            response = http.post(server.url + '/web/dataset/call_kw', json={
                'jsonrpc': '2.0', 'method': 'call', 'params': {
                    'model': 'ir.cron', 'method': 'method_direct_trigger',
                    'args': [[cron_id]], 'kwargs': {}}}, timeout=600)
            error = response.json().get('error')
            if error:
                errors.append('cron %s run manually: %s' % (
                    cron_id, error.get('data', {}).get('message', error)))
    threads = [threading.Thread(target=worker, args=(server.session(db),))
               for _n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--config', required=True)
    parser.add_argument('--odoo', required=True, help='the odoo launcher')
    parser.add_argument('--port', type=int, default=8301)
    parser.add_argument('--size', type=int, default=2000,
                        help='documents per cron (orders, invoices)')
    parser.add_argument('--timeout', type=int, default=300)
    args = parser.parse_args()
    odoo.tools.config.parse_config(['-c', args.config])
    db = odoo.tools.config['db_name']
    log = os.path.splitext(args.config)[0] + '-prefork.log'
    if os.path.exists(log):
        os.unlink(log)
    registry = odoo.registry(db)
    with api.Environment.manage(), registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        installed = set(env['ir.module.module'].search(
            [('state', '=', 'installed')]).mapped('name'))
        for module, prepare in PREPARE:
            if module in installed:
                print(prepare(env, args.size))
        crons = suite_crons(env)
        cr.execute("SELECT now() AT TIME ZONE 'UTC'")
        start = cr.fetchone()[0]
        due = fields.Datetime.to_string(datetime.utcnow() - timedelta(minutes=1))
        copies = env['ir.cron']
        for cron in crons:
            copies |= cron.copy({'name': '%s (copy)' % cron.name, 'nextcall': due})
        crons.write({'nextcall': due})
        all_crons = crons | copies
        cron_ids = all_crons.ids
        print('%d crons of the suite, each run by two cron rows: %s' % (
            len(crons), ', '.join(crons.mapped('name'))))
        cr.commit()
    odoo.sql_db.close_db(db)

    server = Server(args.odoo, args.config, db, args.port, log)
    findings = []
    try:
        findings += run_manually_at_once(server, db, crons.ids)
        deadline = time.time() + args.timeout
        while time.time() < deadline:
            with registry.cursor() as cr:
                cr.execute("SELECT count(*) FROM ir_cron WHERE id IN %s AND "
                           "nextcall <= (now() AT TIME ZONE 'UTC')", (tuple(cron_ids),))
                left = cr.fetchone()[0]
            if not left:
                break
            time.sleep(5)
        else:
            findings.append('%d cron rows did not run within %d s'
                            % (left, args.timeout))
    finally:
        server.stop()
        odoo.sql_db.close_db(db)

    with open(log) as f:
        for line in f:
            if re.search(r' (ERROR|CRITICAL) ', line) or 'deadlock detected' in line:
                findings.append('server log: ' + line.strip())
    with api.Environment.manage():
        with registry.cursor() as cr:
            findings += duplicates(cr, start)
            made = counts(cr, start)
        with registry.cursor() as cr:
            # batches commit in cursors of their own: count in a new cursor after
            env = api.Environment(cr, SUPERUSER_ID, {})
            # one by one: Odoo 11's method_direct_trigger() takes one cron
            for cron in env['ir.cron'].browse(crons.ids):
                cron.method_direct_trigger()
        with registry.cursor() as cr:
            again = counts(cr, start)
    if again != made:
        findings.append('one more run of the crons made %d activities and %d '
                        'messages: the concurrent runs left work undone' % (
                            again[0] - made[0], again[1] - made[1]))
    print('concurrent runs made %d activities and %d messages' % made)
    for finding in findings:
        print('FINDING: ' + finding)
    print('prefork crons: %s'
          % ('%d findings' % len(findings) if findings else 'clean'))
    sys.exit(1 if findings else 0)


if __name__ == '__main__':
    main()
