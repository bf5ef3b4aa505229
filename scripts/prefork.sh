#!/usr/bin/env bash
# The suite's crons under Odoo's prefork server (2 HTTP workers, 2 cron workers), run
# concurrently on the same data: scripts/prefork.sh [SOURCE_DB]
# Clones SOURCE_DB (default eco_test, which scripts/test.sh leaves) into eco_prefork and
# runs scripts/prefork_check.py on it (see there); exits non-zero on a duplicate, a
# deadlock, an ERROR line or work left undone. Environment: ECO_PREFORK_PORT (8301),
# ECO_PREFORK_SIZE (documents per cron, default 2000).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
eco_setup
cd "$ROOT"
SRC="${1:-eco_test}"
DB=eco_prefork
PORT="${ECO_PREFORK_PORT:-8301}"
db_exists "$SRC" || die "database $SRC not found: run scripts/test.sh first"
drop_db "$DB"
clone_db "$SRC" "$DB"
trap 'drop_db "$DB"' EXIT
CONF="$ROOT/.local/$DB.conf"
render_config "$ROOT/config/odoo.conf.template" "$CONF" "$DB" "$PORT"
"$VENV/bin/python" "$ROOT/scripts/prefork_check.py" --config "$CONF" --odoo "$ODOO" \
    --port "$PORT" --size "${ECO_PREFORK_SIZE:-2000}"
