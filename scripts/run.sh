#!/usr/bin/env bash
# Set up and start the suite with demo data: scripts/run.sh
# Installs what is missing, starts PostgreSQL, creates (or upgrades, when the add-ons or
# the platform's Odoo add-ons changed) the local database with the suite, the platform's
# Odoo add-ons (sale_stock, purchase: setup.sh) and demo data, then runs Odoo in the
# foreground at http://127.0.0.1:8069 (admin/admin; demo portal customer customer/customer).
# A new database is made in the company's setting: cloned from the company's template
# (setup.sh template_db_company: Chinese company, CNY, l10n_cn, zh_CN loaded), then
# scripts/demo_company.py --step users (Chinese-speaking logins eco_staff and customer,
# time zone Asia/Shanghai, the company's products on order requests).
# Environment: ECO_DB (default eco_demo), ECO_PORT (default 8069), ECO_RESET=1 (drop the
# database and create it again with fresh demo data), ECO_WORKERS=N (production mode:
# Odoo's prefork server with N HTTP workers; ECO_CRON_WORKERS, default 2;
# ECO_LONGPOLLING_PORT, default ECO_PORT+3; ECO_HTTP_INTERFACE, default 127.0.0.1).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
eco_setup
cd "$ROOT"

DB="${ECO_DB:-eco_demo}"
PORT="${ECO_PORT:-8069}"
MODS="$(our_addons)"
CONF="$ROOT/.local/run.conf"
render_config "$ROOT/config/odoo.conf.template" "$CONF" "$DB" "$PORT"
STAMP="$ROOT/.local/run-$DB.stamp"
# the Odoo add-ons of the platform (our dependencies and PLATFORM_ADDONS, see setup.sh)
DEPS="$(external_depends)"
want="$( { echo "$DEPS"; find addons -type f ! -path '*/__pycache__/*' -print0 | sort -z \
    | xargs -0 sha1sum; } | sha1sum | cut -c1-40)"

if [ "${ECO_RESET:-0}" = 1 ] && db_exists "$DB"; then
    say "database: ECO_RESET=1, dropping $DB"
    drop_db "$DB"
fi
if ! db_exists "$DB"; then
    TMPL="$(template_db_company)"
    say "database: creating $DB from $TMPL with $MODS and demo data"
    clone_db "$TMPL" "$DB"
    "$ODOO" -c "$CONF" -d "$DB" -i "$MODS" --stop-after-init --no-http --log-level=warn \
        || { drop_db "$DB"; die "installing $MODS into $DB failed (see above)"; }
    "$VENV/bin/python" "$ROOT/scripts/demo_company.py" -c "$CONF" -d "$DB" --step users \
        || { drop_db "$DB"; die "setting up the demo users of $DB failed (see above)"; }
    "$VENV/bin/python" "$ROOT/scripts/demo_company.py" -c "$CONF" -d "$DB" --check \
        || { drop_db "$DB"; die "$DB is not in the company's setting (see above)"; }
    echo "$want" > "$STAMP"
elif [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$want" ]; then
    # a database made from an older template first gets the platform add-ons it lacks
    missing="$(psql -qtAX -d "$DB" -v deps="$DEPS" <<'SQL' | paste -sd, -
select d from unnest(string_to_array(:'deps', ',')) d
 where d not in (select name from ir_module_module where state = 'installed') order by 1;
SQL
)"
    if [ -n "$missing" ]; then
        say "database: installing $missing into $DB"
        "$ODOO" -c "$CONF" -d "$DB" -i "$missing" --stop-after-init --no-http \
            --log-level=warn || die "installing $missing into $DB failed (see above)"
    fi
    say "database: add-ons changed, upgrading $MODS in $DB"
    "$ODOO" -c "$CONF" -d "$DB" -u "$MODS" --stop-after-init --no-http --log-level=warn \
        || die "upgrading $MODS in $DB failed (see above); ECO_RESET=1 bash scripts/run.sh
    recreates the demo database from scratch"
    echo "$want" > "$STAMP"
fi

say "Odoo at http://127.0.0.1:$PORT  (admin/admin; portal customer: customer/customer;
    Chinese-speaking: eco_staff/eco_staff, customer/customer) - Ctrl-C stops"
if [ "${ECO_WORKERS:-0}" -gt 0 ]; then
    # production mode: prefork server (see README "Production mode")
    # shellcheck disable=SC2046
    set -- $(prefork_options "$ECO_WORKERS" "${ECO_CRON_WORKERS:-2}" "$PORT")
    say "production mode: $*"
    exec "$ODOO" -c "$CONF" -d "$DB" --http-interface="${ECO_HTTP_INTERFACE:-127.0.0.1}" "$@"
fi
exec "$ODOO" -c "$CONF" -d "$DB"
