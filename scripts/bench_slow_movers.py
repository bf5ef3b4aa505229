#!/usr/bin/env python3
# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the slow movers report (eco_stock, R6.2).

In a database with eco_stock installed, inside one transaction that is rolled
back at the end: creates PRODUCTS stockable products with stock, bulk-inserts
MOVES done stock moves spread over them and the last two years (SQL copies of
one real move), stamps the products' last outgoing date once (the install
backfill) and then times the report (``eco.slow.mover.report.search_read``,
the SQL view reads quants and the stamped date, no stock move). Prints the
figures. Not a test: run it by hand.

Measured 2026-12-01 (2 cores shared, 500 products, 1,000,032 stock moves):
insert 129 s, backfill 1.0 s, report 167 rows in 0.671 s (best of 3: 0.305 s).

    export ECO_VENV=/work/main/.venv
    $ECO_VENV/bin/python scripts/bench_slow_movers.py \\
        --config .local/eco_t_stock.conf -d eco_t_stock --moves 1000000
"""
import argparse
import time

import odoo
from odoo import SUPERUSER_ID, api


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--config', required=True)
    parser.add_argument('-d', '--database', required=True)
    parser.add_argument('--moves', type=int, default=1000000)
    parser.add_argument('--products', type=int, default=500)
    args = parser.parse_args()
    odoo.tools.config.parse_config(['-c', args.config, '-d', args.database])
    with api.Environment.manage():
        registry = odoo.registry(args.database)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            try:
                run(env, args)
            finally:
                cr.rollback()


def run(env, args):
    cr = env.cr
    stock = env.ref('stock.stock_location_stock')
    customer = env.ref('stock.stock_location_customers')
    categ = env['product.category'].create({'name': 'Bench slow movers',
                                            'eco_slow_mover_days': 180})
    products = env['product.product']
    for index in range(args.products):
        products |= products.create({'name': 'Bench product %d' % index,
                                     'type': 'product', 'categ_id': categ.id,
                                     'standard_price': 10.0})
    Quant = env['stock.quant']
    for product in products:
        Quant._update_available_quantity(product, stock, 100.0)
    cr.execute("UPDATE stock_quant SET in_date = now() - interval '400 days' "
               "WHERE product_id IN %s", (tuple(products.ids),))
    move = env['stock.move'].create({
        'name': 'bench', 'product_id': products[0].id,
        'product_uom': products[0].uom_id.id, 'product_uom_qty': 1.0,
        'location_id': stock.id, 'location_dest_id': customer.id})
    move._action_confirm()
    move._action_assign()
    move.move_line_ids.write({'qty_done': 1.0})
    move._action_done()
    cr.execute("""SELECT column_name FROM information_schema.columns
                  WHERE table_name = 'stock_move'
                    AND column_name NOT IN ('id', 'product_id', 'date')""")
    columns = [row[0] for row in cr.fetchall()]
    start = time.time()
    # the column names come from the catalogue, not from user input
    cr.execute(  # pylint: disable=sql-injection
        'INSERT INTO stock_move (product_id, date, %s) '
        'SELECT (%%s::int[])[1 + mod(g, %%s)], '
        "now() - ((mod(mod(g, %%s), 3) = 0)::int * 300 + mod(g, 30))"
        " * interval '1 day', %s "
        'FROM stock_move m, generate_series(1, %%s) g WHERE m.id = %%s' % (
            ', '.join('"%s"' % c for c in columns),
            ', '.join('m."%s"' % c for c in columns)),
        (products.ids, len(products), len(products), args.moves, move.id))
    insert = time.time() - start
    cr.execute('ANALYZE stock_move')
    start = time.time()
    env['stock.move']._eco_backfill_last_outgoing()
    backfill = time.time() - start
    cr.execute('SELECT count(*) FROM stock_move')
    total = cr.fetchone()[0]
    Report = env['eco.slow.mover.report']
    timings = []
    for dummy in range(3):
        Report.invalidate_cache()
        start = time.time()
        rows = Report.search_read([], ['product_id', 'quantity', 'age_days',
                                       'last_move_date'])
        timings.append(time.time() - start)
    print('stock moves: %d (inserted %d in %.1f s); backfill of the last outgoing '
          'dates: %.1f s (once, at install)' % (total, args.moves, insert, backfill))
    print('slow movers report: %d rows in %.3f s (best of 3: %.3f s)' % (
        len(rows), timings[0], min(timings)))


if __name__ == '__main__':
    main()
