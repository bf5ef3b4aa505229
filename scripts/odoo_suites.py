"""Regression stage: Odoo's own test suites on a database with our add-ons installed.

    python scripts/odoo_suites.py -c .local/eco_test.conf -d eco_test \
        [--modules sale,stock,...] [--known scripts/odoo_suites_vanilla_failures.txt] \
        [--write-known FILE]

Runs the at_install and post_install tests of Odoo's (and OCA's) modules against an
already-installed database with the full registry loaded (what
``odoo.modules.module.run_unit_tests`` does), with Odoo's HTTP server started in this
process for HttpCase tests and PhantomJS tours. Prints one line per module
(``module: N passed, N failed, N skipped``), compares the failing tests with the
committed list of failures vanilla Odoo has on the same machine (``--known``: one
``module test_id  # reason`` per line) and exits 1 when a test fails that vanilla does
not fail (or when a module ran no test). ``--write-known`` writes the failures of this
run in that format (used on a vanilla database to establish the list).
"""
import argparse
import logging
import os
import sys
import threading
import time
import unittest

DEFAULT_MODULES = ("sale", "sale_management", "sale_stock", "portal", "website_sale",
                   "purchase", "stock", "account")

_logger = logging.getLogger("odoo_suites")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo server config")
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--modules", default=",".join(DEFAULT_MODULES),
                        help="comma-separated modules whose tests run")
    parser.add_argument("--known", help="file of known (vanilla) failures")
    parser.add_argument("--write-known", help="write this run's failures here")
    parser.add_argument("--log-level", default="warn")
    parser.add_argument("--logfile", help="Odoo's log (default: stderr)")
    return parser.parse_args(argv)


def read_known(path):
    """{(module, test_id): reason} from the known-failures file."""
    known = {}
    if not path:
        return known
    with open(path) as handle:
        for raw in handle:
            line, _sep, reason = raw.partition("#")
            parts = line.split()
            if len(parts) == 2:
                known[(parts[0], parts[1])] = reason.strip()
    return known


def run_module(module, position):
    """Run the tests of ``module`` selected by ``position``; return a
    (tests run, skipped, [failing test ids]) tuple."""
    from odoo.modules import module as odoo_module
    odoo_module.current_test = module
    threading.currentThread().testing = True
    run = skipped = 0
    failing = []
    try:
        for test_module in odoo_module.get_test_modules(module):
            tests = odoo_module.unwrap_suite(
                unittest.TestLoader().loadTestsFromModule(test_module))
            suite = unittest.TestSuite(t for t in tests if position(t))
            if not suite.countTestCases():
                continue
            result = unittest.TextTestRunner(
                verbosity=1, stream=odoo_module.TestStream(test_module.__name__)
            ).run(suite)
            run += result.testsRun
            skipped += len(result.skipped)
            for test, _trace in result.failures + result.errors:
                failing.append(test.id())
    finally:
        odoo_module.current_test = None
        threading.currentThread().testing = False
    return run, skipped, failing


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import odoo
    options = ["-c", args.config, "-d", args.database, "--log-level", args.log_level,
               "--db-filter", "^%s$" % args.database]
    if args.logfile:
        options += ["--logfile", args.logfile]
    odoo.tools.config.parse_config(options)
    import odoo.tests.common
    odoo.tests.common.PORT = odoo.tools.config["http_port"]
    from odoo.modules import module as odoo_module

    started = time.time()
    server = odoo.service.server.ThreadedServer(odoo.service.wsgi_server.application)
    server.http_spawn()
    with odoo.api.Environment.manage():
        registry = odoo.registry(args.database)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            installed = set(env["ir.module.module"].search(
                [("state", "=", "installed")]).mapped("name"))

    known = read_known(args.known)
    modules = [m for m in args.modules.split(",") if m]
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    all_failing = []
    problems = []
    for module in modules:
        if module not in installed:
            print("%s: not installed, skipped" % module)
            problems.append("%s is not installed" % module)
            continue
        t0 = time.time()
        run = skipped = 0
        failing = []
        for position in (odoo_module.runs_at_install, odoo_module.runs_post_install):
            with odoo.api.Environment.manage():
                r, s, f = run_module(module, position)
            run, skipped, failing = run + r, skipped + s, failing + f
        failed = len(failing)
        passed = run - failed - skipped
        totals["passed"] += passed
        totals["failed"] += failed
        totals["skipped"] += skipped
        all_failing += [(module, test_id) for test_id in failing]
        print("%s: %d passed, %d failed, %d skipped (%.0f s)" % (
            module, passed, failed, skipped, time.time() - t0))
        sys.stdout.flush()
        if not run:
            problems.append("%s ran no test" % module)

    new = [item for item in all_failing if item not in known]
    vanilla = [item for item in all_failing if item in known]
    for module, test_id in vanilla:
        reason = known[(module, test_id)]
        kind = ("known suite difference" if reason.startswith("SUITE")
                else "known vanilla failure")
        print("%s: %s %s  # %s" % (kind, module, test_id, reason))
    for module, test_id in new:
        print("NEW FAILURE: %s %s" % (module, test_id))
    if args.write_known:
        with open(args.write_known, "w") as handle:
            for module, test_id in all_failing:
                handle.write("%s %s  # %s\n" % (
                    module, test_id, known.get((module, test_id), "REASON?")))
    print("odoo suites: %d passed, %d failed (%d known, %d new), "
          "%d skipped, %.0f s" % (
              totals["passed"], totals["failed"], len(vanilla), len(new),
              totals["skipped"], time.time() - started))
    for problem in problems:
        print("PROBLEM: %s" % problem)
    sys.stdout.flush()
    # leave without waiting for the HTTP thread
    os._exit(1 if new or problems else 0)


if __name__ == "__main__":
    main()
