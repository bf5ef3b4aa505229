#!/usr/bin/env bash
# Developer loop: scripts/dev-test.sh [DB] [PORT] [ADDONS]
# Clones the cached dependency template into DB (dropping it first), installs ADDONS
# (default: all of ours) with their tests through Odoo's runner, and prints failures
# and a summary. The full log is .local/DB.log. No linting, no set-up beyond eco_setup.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
DB="${1:-eco_dev}"
PORT="${2:-8169}"
eco_setup
MODS="${3:-$(our_addons)}"
TMPL="$(template_db)"
drop_db "$DB"
clone_db "$TMPL" "$DB"
CONF="$ROOT/.local/$DB.conf"
LOG="$ROOT/.local/$DB.log"
render_config "$ROOT/config/odoo.conf.template" "$CONF" "$DB" "$PORT"
"$ODOO" -c "$CONF" -d "$DB" -i "$MODS" --test-enable --stop-after-init --log-level=info >"$LOG" 2>&1 || true
"$VENV/bin/python" "$ROOT/scripts/odoo_log_summary.py" "$LOG"
