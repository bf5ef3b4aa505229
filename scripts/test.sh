#!/usr/bin/env bash
# Run every test of the suite on a fresh database: scripts/test.sh [ADDON ...]
#
#  1. set-up (scripts/setup.sh: apt, venv, npm, binaries, PostgreSQL, role);
#  2. linters (flake8, pylint-odoo with setup.cfg): any finding fails the run;
#  3. a fresh database cloned from a template that has the Odoo/OCA dependencies
#     installed (built once per dependency set, without tests);
#  4. our add-ons installed with demo data (an ERROR/CRITICAL line fails the run);
#  5. pytest with pytest-odoo over the add-ons' tests and tests/ (HTTP server, tours);
#  6. regression stage: Odoo's own suites with the whole suite installed
#     (scripts/odoo_suites.py), on full runs, beside pytest on a copy of the database;
#  7. (whole suite only) scripts/wheels.sh: the add-ons built as wheels, installed with pip
#     into a fresh venv that has only Odoo, and the suite installed from them;
#  8. (whole suite only) scripts/prefork.sh: the suite's crons run at once by 2 cron and
#     2 HTTP workers of Odoo's prefork server on a copy of the test database (100
#     documents per cron, ECO_PREFORK_SIZE).
# Ends with one line "N passed, N failed"; exits non-zero on any failure, import
# error, ERROR/CRITICAL log line, or when no test ran.
# ADDON: restrict to these add-ons (default: all of addons/). Environment:
# ECO_TEST_DB (default eco_test), ECO_TEST_PORT (default 8169), ECO_NO_LINT=1,
# ECO_NO_WHEELS=1 (skip step 7), ECO_NO_PREFORK=1 (skip step 8; ECO_PREFORK=1 runs it
# for an ADDON run too), ECO_SERIAL=1 (step 6
# before step 5 instead of beside it).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
eco_setup
cd "$ROOT"

DB="${ECO_TEST_DB:-eco_test}"
PORT="${ECO_TEST_PORT:-8169}"
if [ $# -gt 0 ]; then MODS="$(IFS=,; echo "$*")"; else MODS="$(our_addons)"; fi
LOGDIR="$ROOT/.local/test/$DB"
mkdir -p "$LOGDIR"
lint_failed=0

if [ "${ECO_NO_LINT:-0}" != 1 ]; then
    say "lint: flake8 and pylint-odoo (setup.cfg)"
    flake8 addons tests scripts conftest.py || lint_failed=1
    find addons tests -name __init__.py -print0 | xargs -0 -r flake8 --ignore=F401 || lint_failed=1
    pylint --rcfile=setup.cfg addons/* || lint_failed=1
    [ $lint_failed = 0 ] && say "lint: clean" || say "lint: FINDINGS above fail the run"
fi

TMPL="$(template_db)"
say "database: fresh $DB from $TMPL, installing $MODS"
drop_db "$DB"
clone_db "$TMPL" "$DB"
CONF="$ROOT/.local/$DB.conf"
render_config "$ROOT/config/odoo.conf.template" "$CONF" "$DB" "$PORT"
rm -f "$LOGDIR/install.log"
install_failed=0
"$ODOO" -c "$CONF" -d "$DB" -i "$MODS" --stop-after-init --no-http --log-level=warn \
    --logfile="$LOGDIR/install.log" || install_failed=1
if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$LOGDIR/install.log"; then
    install_failed=1
fi
[ $install_failed = 0 ] || say "install of $MODS FAILED (log: $LOGDIR/install.log)"

# the regression stage runs on a copy taken now, before our tests leave their data
# (HTTP and RPC tests commit through the server)
run_regression=0
if [ "${ECO_NO_REGRESSION:-0}" != 1 ] && { [ $# -eq 0 ] || [ "${ECO_REGRESSION:-0}" = 1 ]; }; then
    run_regression=1
    REG_DB="${DB}_reg"
    REG_CONF="$ROOT/.local/$REG_DB.conf"
    drop_db "$REG_DB"
    clone_db "$DB" "$REG_DB"
    # its own HTTP port: it runs beside pytest (two processes for the two cores)
    render_config "$ROOT/config/odoo.conf.template" "$REG_CONF" "$REG_DB" "$((PORT + 2))"
fi

# 6. regression stage: Odoo's own suites (sale, sale_management, sale_stock, portal,
#    website_sale, purchase, stock, account) on the copy with the whole suite installed,
#    compared with vanilla's own failures (scripts/odoo_suites_vanilla_failures.txt).
#    Runs on full runs (no ADDON argument) or with ECO_REGRESSION=1; ECO_NO_REGRESSION=1
#    skips it. It runs in the background while pytest runs (ECO_SERIAL=1: before it).
#    Its counts are printed above the closing line; a new failure adds 1 to the failed
#    count of that line.
rm -f "$LOGDIR/odoo_suites.txt" "$LOGDIR/odoo_suites.rc"
if [ $run_regression = 1 ]; then
    say "regression: Odoo's own test suites with the suite installed, beside pytest (log: $LOGDIR/odoo_suites.log)"
    ( "$VENV/bin/python" "$ROOT/scripts/odoo_suites.py" -c "$REG_CONF" -d "$REG_DB" \
        --known "$ROOT/scripts/odoo_suites_vanilla_failures.txt" \
        --logfile "$LOGDIR/odoo_suites.log" >"$LOGDIR/odoo_suites.txt" 2>&1
      echo $? >"$LOGDIR/odoo_suites.rc" ) &
    regression_pid=$!
    [ "${ECO_SERIAL:-0}" != 1 ] || wait "$regression_pid"
fi

say "tests: pytest with pytest-odoo (real database $DB, HTTP on port $PORT)"
paths=()
for m in ${MODS//,/ }; do [ -d "addons/$m/tests" ] && paths+=("addons/$m/tests"); done
[ $# -gt 0 ] || paths+=(tests)
rc=0
pytest -c setup.cfg --rootdir "$ROOT" --odoo-config="$CONF" --odoo-log-level=warn \
    --junitxml="$LOGDIR/junit.xml" "${paths[@]}" || rc=$?

regression_failed=0
if [ $run_regression = 1 ]; then
    wait "$regression_pid" || true
    cat "$LOGDIR/odoo_suites.txt"
    [ "$(cat "$LOGDIR/odoo_suites.rc" 2>/dev/null)" = 0 ] || regression_failed=1
    [ $regression_failed = 0 ] || say "regression: Odoo's own suites FAILED (above)"
fi

read -r passed failed < <("$VENV/bin/python" - "$LOGDIR/junit.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print(0, 1)
    sys.exit()
suites = [root] if root.tag == "testsuite" else list(root)
total = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(total - bad - skipped, bad)
PY
)
# the integrator's install (scripts/wheels.sh): wheels built, pip-installed into a fresh
# venv with only Odoo, the suite installed from them; counts as one test
if [ $# -eq 0 ] && [ "${ECO_NO_WHEELS:-0}" != 1 ]; then
    if bash "$ROOT/scripts/wheels.sh" >"$LOGDIR/wheels.log" 2>&1; then
        say "wheels: the suite installs from its wheels (log: $LOGDIR/wheels.log)"
        passed=$((passed + 1))
    else
        tail -n 20 "$LOGDIR/wheels.log"
        say "wheels: FAILED (log: $LOGDIR/wheels.log)"
        failed=$((failed + 1))
    fi
fi
# the suite's crons under the prefork server (scripts/prefork.sh); counts as one test
if { [ $# -eq 0 ] && [ "${ECO_NO_PREFORK:-0}" != 1 ]; } || [ "${ECO_PREFORK:-0}" = 1 ]; then
    if ECO_PREFORK_SIZE="${ECO_PREFORK_SIZE:-100}" \
            bash "$ROOT/scripts/prefork.sh" "$DB" >"$LOGDIR/prefork.log" 2>&1; then
        grep -h '^prefork crons:\|concurrent runs made' "$LOGDIR/prefork.log" || true
        passed=$((passed + 1))
    else
        grep -v 'greenlet\|return f(' "$LOGDIR/prefork.log" | tail -n 30
        say "prefork: FAILED (log: $LOGDIR/prefork.log)"
        failed=$((failed + 1))
    fi
fi
[ $install_failed = 0 ] || failed=$((failed + 1))
[ $lint_failed = 0 ] || failed=$((failed + 1))
[ $regression_failed = 0 ] || failed=$((failed + 1))
grep -h '^odoo suites:' "$LOGDIR/odoo_suites.txt" 2>/dev/null || true
[ "$rc" = 0 ] || [ "$failed" -gt 0 ] || failed=1
[ "$passed" -gt 0 ] || { say "no test ran"; failed=$((failed + 1)); }
echo "$passed passed, $failed failed"
if [ "$failed" = 0 ]; then exit 0; else exit 1; fi
