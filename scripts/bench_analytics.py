#!/usr/bin/env python3
# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the eco_order analysis reports (R7.3) on a large data set.

Not a test: it clones a database that has eco_order installed into a scratch
database, fills it with ORDERS orders of LINES lines each (default 100,000 x
10 = 1,000,000 order lines) plus standards and compliance lines with
INSERT ... SELECT generate_series (and three milestones per order), refreshes
the stored rows of the demand analysis, then times the read_group calls the pivot
and graph views make (as an order manager, so record rules apply) and prints
the figures. Target: < 1 s per call.

Run with Odoo's Python, after a dev-test run created the source database:

    nice -n 10 $ECO_VENV/bin/python scripts/bench_analytics.py \\
        -c .local/eco_h_analytics.conf --source-db eco_h_analytics \\
        --db eco_h_analytics_bench [--orders 100000] [--lines 10] [--keep]
"""
import argparse
import os
import sys
import time

import psycopg2
from psycopg2 import sql

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config

NOT_CANCELLED = [("state", "!=", "cancel")]

# (model, measures, groupby[, domain]) as the pivot and graph views ask them:
# a pivot of rows R and columns C reads R, C and R x C; the default filter of
# the order volume and demand actions ("Not Cancelled") applies
CALLS = [
    ("eco.order.analysis", ["nbr"], ["date:month"]),
    ("eco.order.analysis", ["nbr", "amount_untaxed"], ["intake_channel"]),
    ("eco.order.analysis", ["nbr"], ["date:month", "intake_channel"]),
    ("eco.order.analysis", ["nbr"], ["date:month", "intake_channel"], NOT_CANCELLED),
    ("eco.order.analysis", ["response_hours", "acceptance_hours"], ["team_id"]),
    ("eco.order.analysis", ["nbr", "response_hours"], ["user_id", "date:month"]),
    ("eco.demand.analysis", ["product_uom_qty"], ["standard_id"]),
    ("eco.demand.analysis", ["product_uom_qty"], ["standard_id", "date:month"]),
    ("eco.demand.analysis", ["product_uom_qty"], ["standard_id"], NOT_CANCELLED),
    ("eco.demand.analysis", ["product_uom_qty"], ["date:month"], NOT_CANCELLED),
    ("eco.demand.analysis", ["product_uom_qty"], ["standard_id", "date:month"],
     NOT_CANCELLED),
    ("eco.demand.analysis", ["nbr"], ["date:month", "standard_id"], NOT_CANCELLED),
    ("eco.demand.analysis", ["product_uom_qty", "nbr"], ["product_id"]),
    ("eco.demand.analysis", ["product_uom_qty"], ["categ_id", "date:month"]),
    ("eco.demand.analysis", ["product_uom_qty"], ["commercial_partner_id"],
     NOT_CANCELLED),
    ("eco.sales.analysis", ["revenue", "margin"], ["product_type"]),
    ("eco.sales.analysis", ["revenue", "margin"], ["date:month"]),
    ("eco.sales.analysis", ["revenue", "margin"], ["product_type", "date:month"]),
    ("eco.sales.analysis", ["revenue"], ["date:month", "product_type"]),
    ("eco.sales.analysis", ["product_qty", "revenue", "cost"], ["product_id"]),
    ("eco.sales.analysis", ["revenue", "margin"], ["categ_id"]),
    ("eco.compliance.analysis", ["rate"], ["clause_id"]),
    ("eco.compliance.analysis", ["rate"], ["team_id"]),
    ("eco.compliance.analysis", ["rate"], ["clause_id", "team_id"]),
    ("eco.milestone.analysis", ["punctuality"], ["team_id"]),
    ("eco.milestone.analysis", ["punctuality"], ["deadline:month"]),
    ("eco.milestone.analysis", ["punctuality"], ["team_id", "deadline:month"]),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo config file")
    parser.add_argument("--source-db", required=True,
                        help="database with eco_order installed (not modified)")
    parser.add_argument("--db", required=True, help="scratch database (recreated)")
    parser.add_argument("--orders", type=int, default=100000)
    parser.add_argument("--lines", type=int, default=10, help="lines per order")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true",
                        help="keep the scratch database at the end")
    return parser.parse_args()


def admin_connection():
    conn = psycopg2.connect(
        dbname="postgres", host=config["db_host"] or None,
        port=config["db_port"] or None, user=config["db_user"],
        password=config["db_password"])
    conn.autocommit = True
    return conn


def recreate_db(source, target):
    conn = admin_connection()
    with conn.cursor() as cr:
        cr.execute('DROP DATABASE IF EXISTS "%s"' % target.replace('"', ""))
        cr.execute('CREATE DATABASE "%s" TEMPLATE "%s"' % (
            target.replace('"', ""), source.replace('"', "")))
    conn.close()


def drop_db(target):
    odoo.sql_db.close_db(target)
    conn = admin_connection()
    with conn.cursor() as cr:
        cr.execute('DROP DATABASE IF EXISTS "%s"' % target.replace('"', ""))
    conn.close()


def step(label, func, *args):
    start = time.time()
    result = func(*args)
    print("  %-58s %7.1f s" % (label, time.time() - start))
    sys.stdout.flush()
    return result


def generate(env, n_orders, n_lines):
    cr = env.cr
    company = env.user.company_id
    partners = env["res.partner"].search([("customer", "=", True)]).ids
    products = env["product.product"].search([("sale_ok", "=", True)])
    standards = env["eco.environmental.standard"].search([]).ids
    teams = env["crm.team"].search([]).ids
    users = env.ref("sales_team.group_sale_salesman").users.ids
    pricelist = env["product.pricelist"].search([], limit=1)
    clauses = env["eco.compliance.clause"].search([]).ids
    # a known cost for two products of three (ir_property rows)
    for index, product in enumerate(products):
        if index % 3:
            product.standard_price = 10.0 + index
    print("  %d customers, %d products, %d standards, %d teams, %d salespeople" % (
        len(partners), len(products), len(standards), len(teams), len(users)))
    params = {
        "n": n_orders, "k": n_lines, "partners": partners, "teams": teams,
        "users": users, "company": company.id, "pricelist": pricelist.id,
        "currency": pricelist.currency_id.id, "products": products.ids,
        "uoms": [p.uom_id.id for p in products], "standards": standards,
        "clauses": clauses,
    }

    def platform_defaults():
        """Required columns the platform's add-ons put on orders (sale_stock:
        picking_policy, warehouse_id) get a default in the scratch database."""
        defaults = {"picking_policy": "direct"}
        if "stock.warehouse" in env:
            defaults["warehouse_id"] = env["stock.warehouse"].search(
                [("company_id", "=", company.id)], limit=1).id
        for column, value in defaults.items():
            if column in env["sale.order"]._fields:
                cr.execute(sql.SQL(
                    "ALTER TABLE sale_order ALTER COLUMN {} SET DEFAULT {}").format(
                        sql.Identifier(column), sql.Literal(value)))

    def orders():
        platform_defaults()
        cr.execute("""
            INSERT INTO sale_order (
                name, partner_id, partner_invoice_id, partner_shipping_id,
                pricelist_id, company_id, team_id, user_id,
                date_order, intake_received_date, intake_received_by_id,
                intake_first_response_date, intake_accepted_date,
                confirmation_date, intake_channel, intake_state, state,
                eco_ack_state, create_uid, write_uid, create_date, write_date)
            SELECT
                'BENCH/' || g, p, p, p, %(pricelist)s, %(company)s,
                (%(teams)s::int[])[1 + g %% cardinality(%(teams)s::int[])],
                (%(users)s::int[])[1 + g %% cardinality(%(users)s::int[])],
                rd, rd, 1,
                CASE WHEN g %% 7 <> 0 THEN rd + (g %% 50) * interval '1 hour' END,
                CASE WHEN g %% 10 >= 4 THEN rd + (g %% 90) * interval '1 hour' END,
                CASE WHEN g %% 10 >= 6 THEN rd + (g %% 90 + 5) * interval '1 hour' END,
                (ARRAY['phone', 'email', 'portal', 'fax', 'other'])[1 + g %% 5],
                CASE WHEN g %% 10 >= 4 THEN 'accepted'
                     WHEN g %% 10 = 3 THEN 'rejected' ELSE 'review' END,
                CASE WHEN g %% 10 >= 6 THEN 'sale'
                     WHEN g %% 10 = 3 THEN 'cancel' ELSE 'draft' END,
                'none', 1, 1, rd, rd
            FROM (
                SELECT g,
                    (%(partners)s::int[])[1 + g %% cardinality(%(partners)s::int[])]
                        AS p,
                    timestamp '2024-01-01' + (g %% 730) * interval '1 day'
                        + (g %% 24) * interval '1 hour' AS rd
                FROM generate_series(1, %(n)s) g
            ) s
        """, params)

    def lines():
        cr.execute("""
            INSERT INTO sale_order_line (
                order_id, name, sequence, product_id, product_uom, product_uom_qty,
                price_unit, price_subtotal, price_tax, price_total, price_reduce,
                discount, customer_lead, company_id, currency_id, order_partner_id,
                salesman_id, state, invoice_status, create_uid, write_uid,
                create_date, write_date)
            SELECT
                o.id, 'Bench line', k,
                (%(products)s::int[])[
                    1 + (o.id + k) %% cardinality(%(products)s::int[])],
                (%(uoms)s::int[])[1 + (o.id + k) %% cardinality(%(uoms)s::int[])],
                q, 100 + k, q * (100 + k), 0, q * (100 + k), 100 + k, 0, 0,
                o.company_id, %(currency)s, o.partner_id, o.user_id, o.state, 'no',
                1, 1, o.create_date, o.create_date
            FROM sale_order o
            CROSS JOIN generate_series(1, %(k)s) k
            CROSS JOIN LATERAL (SELECT 1 + (o.id * k) %% 5 AS q) qty
            WHERE o.name LIKE 'BENCH/%%'
        """, params)
        # fresh statistics, or the planner loops over the lines per order
        cr.execute("ANALYZE sale_order_line")
        cr.execute("""
            UPDATE sale_order o SET amount_untaxed = t.s, amount_total = t.s,
                amount_tax = 0
            FROM (SELECT order_id, sum(price_subtotal) AS s FROM sale_order_line
                  GROUP BY order_id) t
            WHERE t.order_id = o.id AND o.name LIKE 'BENCH/%%'
        """)

    def standards_rel():
        field = env["sale.order"]._fields["intake_standard_ids"]
        cr.execute("""
            INSERT INTO {rel} ({c1}, {c2})
            SELECT DISTINCT o.id, (%(standards)s::int[])[
                1 + (o.id + s) %% cardinality(%(standards)s::int[])]
            FROM sale_order o CROSS JOIN generate_series(0, 1) s
            WHERE o.name LIKE 'BENCH/%%'
                AND (o.id %% 3 = 0 OR (s = 0 AND o.id %% 3 = 1))
            ON CONFLICT DO NOTHING
        """.format(rel=field.relation, c1=field.column1, c2=field.column2), params)

    def compliance():
        cr.execute("""
            INSERT INTO eco_compliance_line (
                order_id, clause_id, result, note, computed_date,
                create_uid, write_uid, create_date, write_date)
            SELECT o.id, c.id,
                (ARRAY['met', 'met', 'met', 'late', 'missing', 'na'])[
                    1 + (o.id + c.id) %% 6],
                'bench', now() at time zone 'utc', 1, 1,
                now() at time zone 'utc', now() at time zone 'utc'
            FROM sale_order o JOIN eco_compliance_clause c ON c.id = ANY(%(clauses)s)
            WHERE o.name LIKE 'BENCH/%%' AND o.state <> 'cancel'
        """, params)

    def milestones():
        cr.execute("""
            INSERT INTO eco_order_milestone (
                order_id, name, sequence, deadline, date_done, state,
                create_uid, write_uid, create_date, write_date)
            SELECT o.id, m.name, m.seq,
                o.date_order + (m.seq + o.id %% 7) * interval '1 day',
                CASE WHEN (o.id + m.seq) %% 4 <> 0 THEN o.date_order
                    + (m.seq + o.id %% 9) * interval '1 day' END,
                CASE WHEN (o.id + m.seq) %% 4 <> 0 THEN 'done' ELSE 'pending' END,
                1, 1, o.create_date, o.create_date
            FROM sale_order o
            CROSS JOIN (VALUES ('Review', 1), ('Plan', 2), ('Handover', 3)) m(name, seq)
            WHERE o.name LIKE 'BENCH/%%' AND o.state <> 'cancel'
        """, params)

    step("insert %d orders" % n_orders, orders)
    step("ANALYZE sale_order", cr.execute, "ANALYZE sale_order")
    step("insert %d order lines" % (n_orders * n_lines), lines)
    step("link environmental standards", standards_rel)
    step("insert compliance lines (%d clauses)" % len(clauses), compliance)
    step("insert 3 milestones per order not cancelled", milestones)
    step("refresh demand analysis rows (full)",
         env["eco.demand.analysis"]._refresh_data, True)
    step("ANALYZE", cr.execute, "ANALYZE")


def main():
    args = parse_args()
    config.parse_config(["-c", args.config])
    print("Scratch database %s from %s" % (args.db, args.source_db))
    step("clone database", recreate_db, args.source_db, args.db)
    try:
        with api.Environment.manage():
            run(args)
    finally:
        if not args.keep:
            step("drop scratch database", drop_db, args.db)


def run(args):
    registry = odoo.registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        generate(env, args.orders, args.lines)
        manager = env["res.users"].with_context(no_reset_password=True).create({
            "name": "Bench Manager", "login": "bench_manager",
            "groups_id": [(6, 0, [
                env.ref("base.group_user").id,
                env.ref("eco_order.group_eco_order_manager").id])],
        })
        for model in ("eco.order.analysis", "eco.demand.analysis",
                      "eco.sales.analysis", "eco.compliance.analysis",
                      "eco.milestone.analysis"):
            print("  %-30s %9d rows" % (model, env[model].search_count([])))
        cr.commit()
        # a real compliance batch: the cron's cost per 1,000 orders
        orders = env["sale.order"].search(
            [("name", "like", "BENCH/"), ("state", "!=", "cancel")], limit=1000)

        def check():
            for start in range(0, len(orders), 200):
                orders[start:start + 200]._eco_compliance_compute()
        step("compliance check of %d orders (batches of 200)" % len(orders), check)
        cr.rollback()
        # the scheduled refresh after 1,000 orders changed
        cr.execute("UPDATE sale_order SET write_date = now() at time zone 'UTC'"
                   " WHERE id = ANY(%s)", (orders.ids,))
        step("demand analysis refresh, 1,000 orders changed",
             env["eco.demand.analysis"]._refresh_data)
        cr.rollback()
    print("\nread_group as an order manager (best of %d, first run):" % args.repeat)
    worst = 0.0
    with registry.cursor() as cr:
        env = api.Environment(cr, manager.id, {"lang": "en_US", "tz": "UTC"})
        for call in CALLS:
            model, measures, groupby = call[:3]
            domain = call[3] if len(call) > 3 else []
            fields = measures + [g.split(":")[0] for g in groupby]
            timings = []
            for _run in range(args.repeat):
                env[model].invalidate_cache()
                start = time.time()
                groups = env[model].read_group(
                    domain, fields, groupby, lazy=len(groupby) == 1)
                timings.append(time.time() - start)
            worst = max(worst, min(timings))
            print("  %-24s %-38s %5d groups %6.3f s (first %6.3f s)" % (
                model, ",".join(groupby) + (" *" if domain else ""), len(groups),
                min(timings), timings[0]))
    print("  (* with the default filter Not Cancelled; load average %s)" % (
        " ".join("%.2f" % load for load in os.getloadavg())))
    print("\nslowest call: %.3f s (target < 1 s): %s" % (
        worst, "OK" if worst < 1.0 else "ABOVE TARGET"))


if __name__ == "__main__":
    main()
