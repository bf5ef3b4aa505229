#!/usr/bin/env bash
# Refresh translation files: scripts/i18n.sh [ADDON ...] (default: all of ours)
# Exports i18n/<addon>.pot from a database with the add-on installed (the test database
# of scripts/test.sh, or ECO_I18N_DB), then merges it into i18n/zh_CN.po: existing
# translations are kept, new terms are added untranslated, vanished terms are dropped.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
eco_setup
cd "$ROOT"
DB="${ECO_I18N_DB:-${ECO_TEST_DB:-eco_test}}"
db_exists "$DB" || die "database $DB not found: run scripts/test.sh first (or set ECO_I18N_DB)"
CONF="$ROOT/.local/i18n.conf"
render_config "$ROOT/config/odoo.conf.template" "$CONF" "$DB" 8178
if [ $# -gt 0 ]; then mods=("$@"); else IFS=, read -r -a mods <<< "$(our_addons)"; fi
for m in "${mods[@]}"; do
    mkdir -p "addons/$m/i18n"
    # Odoo 11 wants a .po name; without --language it writes the template
    "$ODOO" -c "$CONF" -d "$DB" --i18n-export="$ROOT/.local/$m.po" --modules="$m" \
        --stop-after-init --log-level=warn
    mv "$ROOT/.local/$m.po" "addons/$m/i18n/$m.pot"
    "$VENV/bin/python" "$ROOT/scripts/po_merge.py" "addons/$m/i18n/$m.pot" "addons/$m/i18n/zh_CN.po"
    say "$m: i18n/$m.pot exported, i18n/zh_CN.po merged"
done
