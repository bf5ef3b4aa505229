#!/usr/bin/env bash
# Load test, vanilla Odoo against the suite, side by side: scripts/load.sh [SUITE_DB]
# Clones the template database (only Odoo's modules) and SUITE_DB (default eco_test, the
# test database: the suite installed) into scratch databases, starts one prefork server
# for each on 127.0.0.1 (ECO_LOAD_WORKERS HTTP workers each, default 2; the vanilla one
# without addons/ on its path), runs scripts/load_portal.py against both at once, stops
# the servers and drops the scratch databases. Not a test. Environment: ECO_LOAD_PORTAL
# (customers per side, default 40), ECO_LOAD_STAFF (default 10), ECO_LOAD_REQUESTS
# (requests per user, default 20), ECO_LOAD_SECONDS (per side, default 240),
# ECO_LOAD_THINK (mean seconds between two requests of a user, default 10: a person
# reads the page), ECO_LOAD_TOGETHER=1 (both sides at once, not one after the other),
# ECO_LOAD_VANILLA_DB (default: the template database of the suite's dependencies).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
eco_setup
cd "$ROOT"
SUITE_SRC="${1:-eco_test}"
db_exists "$SUITE_SRC" || die "database $SUITE_SRC not found: run scripts/test.sh first"
VANILLA_SRC="${ECO_LOAD_VANILLA_DB:-$(template_db)}"
WORKERS="${ECO_LOAD_WORKERS:-2}"
sp="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    drop_db eco_load_vanilla; drop_db eco_load_suite
}
trap cleanup EXIT
start_server() {  # NAME SOURCE PORT ADDONS_PATH
    drop_db "$1"
    clone_db "$2" "$1"
    local conf="$ROOT/.local/$1.conf"
    render_config "$ROOT/config/odoo.conf.template" "$conf" "$1" "$3"
    sed -i "s|^addons_path *=.*|addons_path = $4|" "$conf"
    # shellcheck disable=SC2046
    "$ODOO" -c "$conf" -d "$1" --log-level=warn --logfile="$ROOT/.local/$1.log" \
        $(prefork_options "$WORKERS" 0 "$3") &
    pids+=($!)
}
start_server eco_load_vanilla "$VANILLA_SRC" 8291 "$sp/odoo/addons"
start_server eco_load_suite "$SUITE_SRC" 8295 "$ROOT/addons,$sp/odoo/addons"
for port in 8291 8295; do
    for _ in $(seq 1 120); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/web/login" && break
        sleep 1
    done
done
together=()
[ "${ECO_LOAD_TOGETHER:-0}" = 1 ] && together=(--together)
"$VENV/bin/python" "$ROOT/scripts/load_portal.py" \
    --vanilla-url http://127.0.0.1:8291 --vanilla-db eco_load_vanilla \
    --suite-url http://127.0.0.1:8295 --suite-db eco_load_suite \
    --portal "${ECO_LOAD_PORTAL:-40}" --staff "${ECO_LOAD_STAFF:-10}" \
    --requests "${ECO_LOAD_REQUESTS:-20}" --seconds "${ECO_LOAD_SECONDS:-240}" \
    --think "${ECO_LOAD_THINK:-10}" "${together[@]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
