#!/usr/bin/env python3
# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Load test of the portal and the backend: vanilla Odoo and the suite side by side.

Run by scripts/load.sh, which starts both servers in prefork mode on 127.0.0.1. Logs in
PORTAL customers and STAFF users on each server (created over XML-RPC as admin, with two
orders per customer) and runs realistic sessions concurrently, in one run: first the
vanilla side, then the suite side, so that each has the machine's cores to itself
(--together runs both sides at once, their users interleaved):

- customers: /my, /my/orders, one of their orders, and on the suite the request form
  (/my/order-request, GET then POST) and a question on an order;
- staff: the quotation list, an order form, and on the suite the progress kanban and a
  report (vanilla: the sales analysis).

Users pause between requests as people do (--think seconds on average, 0 for none).
Bounded in requests (--requests per user) and time (--seconds); only 127.0.0.1 is
allowed as target. Prints requests per second, median and 95th-percentile latency per
page and the error count for both sides, and the suite/vanilla p95 ratio on the pages
both have. Not a test: run it by hand.
"""
import argparse
import random
import re
import statistics
import threading
import time
import xmlrpc.client
from urllib.parse import urlparse

import requests

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


class Server(object):
    def __init__(self, label, url, db, suite):
        host = urlparse(url).hostname
        if host not in ('127.0.0.1', 'localhost'):
            raise SystemExit('load tests target this machine only, not %s' % host)
        self.label, self.url, self.db, self.suite = label, url.rstrip('/'), db, suite
        self.samples = {}
        self.errors = {}
        self.elapsed = 0.0
        self.lock = threading.Lock()

    def record(self, page, seconds, ok):
        with self.lock:
            self.samples.setdefault(page, []).append(seconds)
            if not ok:
                self.errors[page] = self.errors.get(page, 0) + 1

    # ------------------------------------------------------------ data over XML-RPC
    def _rpc(self):
        common = xmlrpc.client.ServerProxy(self.url + '/xmlrpc/2/common')
        uid = common.authenticate(self.db, 'admin', 'admin', {})
        models = xmlrpc.client.ServerProxy(
            self.url + '/xmlrpc/2/object', allow_none=True)

        def call(model, method, *args, **kw):
            return models.execute_kw(
                self.db, uid, 'admin', model, method, list(args), kw)
        return call

    def prepare(self, portal, staff):
        call = self._rpc()

        def ref(xmlid):
            return call('ir.model.data', 'xmlid_to_res_id', xmlid)
        group_portal = ref('base.group_portal')
        # staff open the reports too: sales and order managers
        staff_groups = [ref('base.group_user'),
                        ref('sales_team.group_sale_manager')]
        if self.suite:
            staff_groups.append(ref('eco_order.group_eco_order_manager'))
        products = call('product.product', 'search', [('sale_ok', '=', True)], limit=3)
        users = []
        for i in range(portal):
            login = 'load_portal_%d' % i
            found = call('res.users', 'search', [('login', '=', login)])
            if not found:
                company = call('res.partner', 'create', {
                    'name': 'Load Customer %d' % i, 'is_company': True,
                    'customer': True})
                contact = call('res.partner', 'create', {
                    'name': 'Load Contact %d' % i, 'parent_id': company,
                    'email': '%s@example.com' % login})
                call('res.users', 'create', {
                    'name': 'Load Contact %d' % i, 'login': login, 'password': login,
                    'partner_id': contact, 'groups_id': [(6, 0, [group_portal])]},
                    context={'no_reset_password': True})
                orders = [call('sale.order', 'create', {
                    'partner_id': company,
                    'order_line': [(0, 0, {'product_id': p, 'product_uom_qty': 1})
                                   for p in products]}) for _n in range(2)]
                # a quotation and a confirmed order: Odoo's /my/orders lists orders
                call('sale.order', 'action_confirm', [orders[0]])
            users.append(('portal', login))
        for i in range(staff):
            login = 'load_staff_%d' % i
            if not call('res.users', 'search', [('login', '=', login)]):
                call('res.users', 'create', {
                    'name': 'Load Staff %d' % i, 'login': login, 'password': login,
                    'groups_id': [(6, 0, staff_groups)]},
                    context={'no_reset_password': True})
            users.append(('staff', login))
        self.product_id = products[0]
        return users


class Session(object):
    def __init__(self, server, kind, login, requests_budget, deadline, think):
        self.server, self.kind, self.login = server, kind, login
        self.budget, self.deadline, self.think = requests_budget, deadline, think
        self.http = requests.Session()
        self.form_fields = None
        # one question and one order request per session (a visit of the portal)
        self.asked = self.requested = False

    def _go(self, page, method, path, **kw):
        if self.budget <= 0 or time.time() > self.deadline:
            raise StopIteration
        self.budget -= 1
        start = time.time()
        try:
            response = self.http.request(
                method, self.server.url + path, timeout=60, **kw)
            ok = response.status_code < 400 and 'Traceback' not in response.text[:2000]
        except requests.RequestException:
            response, ok = None, False
        self.server.record(page, time.time() - start, ok)
        if self.think:
            # a person reads the page before the next click: 0.5 to 1.5 times THINK
            time.sleep(self.think * random.uniform(0.5, 1.5))
        return response

    def _form_fields(self):
        """The fields the web client reads when this user opens an order: those
        of the order form as this user sees it (loaded once, as the client
        caches the view; not counted as a page)."""
        if self.form_fields is None:
            response = self.http.post(
                self.server.url + '/web/dataset/call_kw/sale.order/fields_view_get',
                json={'jsonrpc': '2.0', 'method': 'call', 'params': {
                    'model': 'sale.order', 'method': 'fields_view_get', 'args': [],
                    'kwargs': {'view_type': 'form', 'context': {}}}}, timeout=60)
            self.form_fields = sorted(response.json()['result']['fields'])
        return self.form_fields

    def _json(self, page, path, params):
        return self._go(page, 'POST', path, json={
            'jsonrpc': '2.0', 'method': 'call', 'params': params})

    def login_(self):
        page = self._go('login', 'GET', '/web/login')
        token = CSRF_RE.search(page.text).group(1) if page is not None else ''
        self._go('login', 'POST', '/web/login', data={
            'login': self.login, 'password': self.login, 'csrf_token': token,
            'redirect': '/my' if self.kind == 'portal' else '/web'})

    def run(self):
        try:
            self.login_()
            while True:
                getattr(self, '_%s_round' % self.kind)()
        except StopIteration:
            return

    def _portal_round(self):
        self._go('/my', 'GET', '/my')
        listing = self._go('/my/orders', 'GET', '/my/orders')
        text = listing.text if listing is not None else ''
        ids = re.findall(r'/my/orders/(\d+)', text)
        if ids:
            order_id = random.choice(ids)
            page = self._go('/my/orders/<id>', 'GET', '/my/orders/%s' % order_id)
            if (self.server.suite and not self.asked and page is not None
                    and CSRF_RE.search(page.text)):
                self.asked = True
                self._go('question (POST)', 'POST', '/my/orders/%s/question' % order_id,
                         data={'message': 'When will the unit be delivered?',
                               'csrf_token': CSRF_RE.search(page.text).group(1)})
        if self.server.suite and not self.requested:
            # a customer submits one request per visit, then goes on reading
            self.requested = True
            form = self._go('/my/order-request', 'GET', '/my/order-request')
            if form is not None and CSRF_RE.search(form.text):
                self._go('order request (POST)', 'POST', '/my/order-request', data={
                    'csrf_token': CSRF_RE.search(form.text).group(1),
                    'line_product_0': str(self.server.product_id),
                    'line_specification_0': 'Capacity 50 m3/day', 'line_qty_0': '1',
                    'intake_required_date': time.strftime(
                        '%Y-%m-%d', time.gmtime(time.time() + 30 * 86400)),
                    'intake_site_address': '1 Load Road, Beijing',
                    'intake_contact_name': 'Load Contact',
                    'intake_contact_phone': '+86 10 0000 0000'})

    def _staff_round(self):
        fields = ['name', 'partner_id', 'date_order', 'amount_total', 'state']
        listing = self._json('order list', '/web/dataset/search_read', {
            'model': 'sale.order', 'domain': [], 'fields': fields, 'limit': 80,
            'sort': '', 'context': {}})
        records = []
        if listing is not None:
            try:
                records = listing.json().get('result', {}).get('records', [])
            except ValueError:
                records = []
        if records:
            order = random.choice(records)
            self._json('order form', '/web/dataset/call_kw/sale.order/read', {
                'model': 'sale.order', 'method': 'read',
                'args': [[order['id']], self._form_fields()],
                'kwargs': {'context': {}}})
        if self.server.suite:
            self._json('progress kanban', '/web/dataset/search_read', {
                'model': 'sale.order', 'domain': [['state', 'in', ['sale', 'done']]],
                'fields': fields,
                'limit': 40, 'sort': '', 'context': {}})
            self._json('report', '/web/dataset/call_kw/eco.order.analysis/read_group', {
                'model': 'eco.order.analysis', 'method': 'read_group',
                'args': [[], ['order_count', 'intake_channel'], ['intake_channel']],
                'kwargs': {'lazy': True, 'context': {}}})
        else:
            self._json('report', '/web/dataset/call_kw/sale.report/read_group', {
                'model': 'sale.report', 'method': 'read_group',
                'args': [[], ['price_total', 'team_id'], ['team_id']],
                'kwargs': {'lazy': True, 'context': {}}})


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def report(servers):
    vanilla, suite = servers
    pages = sorted(set(vanilla.samples) | set(suite.samples))
    print('\n%-24s | %8s %8s %8s %5s | %8s %8s %8s %5s | %6s' % (
        'page', 'v req', 'v p50', 'v p95', 'v err', 's req', 's p50', 's p95',
        's err', 'p95 x'))
    for page in pages:
        row = ['%-24s' % page]
        p95s = []
        for server in servers:
            values = server.samples.get(page)
            if not values:
                row.append('| %8s %8s %8s %5s' % ('-', '-', '-', '-'))
                continue
            p95 = pct(values, 0.95)
            p95s.append(p95)
            row.append('| %8d %7.0fms %7.0fms %5d' % (
                len(values), statistics.median(values) * 1000, p95 * 1000,
                server.errors.get(page, 0)))
        row.append('| %6.2f' % (p95s[1] / p95s[0]) if len(p95s) == 2 and p95s[0]
                   else '| %6s' % '-')
        print(' '.join(row))
    for server in servers:
        total = sum(len(v) for v in server.samples.values())
        print('%-8s %6d requests, %.1f requests/s, %d errors' % (
            server.label, total, total / server.elapsed, sum(server.errors.values())))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--vanilla-url', required=True)
    parser.add_argument('--vanilla-db', required=True)
    parser.add_argument('--suite-url', required=True)
    parser.add_argument('--suite-db', required=True)
    parser.add_argument('--portal', type=int, default=40,
                        help='portal customers per side')
    parser.add_argument('--staff', type=int, default=10, help='staff users per side')
    parser.add_argument('--requests', type=int, default=40, help='requests per user')
    parser.add_argument('--seconds', type=int, default=300, help='time bound')
    parser.add_argument('--think', type=float, default=3.0,
                        help='mean seconds a user waits between two requests')
    parser.add_argument('--together', action='store_true',
                        help='run both sides at once instead of one after the other')
    args = parser.parse_args()
    servers = [Server('vanilla', args.vanilla_url, args.vanilla_db, False),
               Server('suite', args.suite_url, args.suite_db, True)]
    users = [server.prepare(args.portal, args.staff) for server in servers]
    print('%d concurrent users per side (%d customers, %d staff), %d requests each at '
          'most, %d s at most per side, %.1f s mean think time, sides %s'
          % (args.portal + args.staff, args.portal, args.staff, args.requests,
             args.seconds, args.think,
             'at once' if args.together else 'one after the other'))
    rounds = [list(zip(servers, users))] if args.together else [
        [pair] for pair in zip(servers, users)]
    for sides in rounds:
        run_sessions(sides, args)
    report(servers)


def run_sessions(sides, args):
    """Run the sessions of ``sides`` (server, users) at once, their users
    interleaved; the time bound counts from the start of the sessions."""
    deadline = time.time() + args.seconds
    sessions = []
    for pairs in zip(*[users for _server, users in sides]):
        for (server, _users), (kind, login) in zip(sides, pairs):
            sessions.append(Session(server, kind, login, args.requests, deadline,
                                    args.think))
    threads = [threading.Thread(target=s.run) for s in sessions]
    start = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for server, _users in sides:
        server.elapsed = time.time() - start


if __name__ == '__main__':
    main()
