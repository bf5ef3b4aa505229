"""Every add-on ships i18n/<addon>.pot and a complete i18n/zh_CN.po.

Runs in the pytest-odoo session of scripts/test.sh: the terms are exported from the
test database, so a string added to the code but not to the translation files fails.
"""
import ast
import io
import os

import odoo
import polib
import pytest
from odoo.tools.translate import trans_export

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _installable(name):
    """Our add-ons on the addons path whose manifest is installable (work in
    progress says "installable": False and is skipped)."""
    path = os.path.join(ROOT, "addons", name, "__manifest__.py")
    if not os.path.isfile(path):
        return False
    with open(path) as f:
        return ast.literal_eval(f.read()).get("installable", True)


ADDONS = sorted(
    name for name in os.listdir(os.path.join(ROOT, "addons")) if _installable(name))


def _exported_terms(addon):
    buf = io.BytesIO()
    with odoo.api.Environment.manage():
        with odoo.registry(odoo.tools.config["db_name"]).cursor() as cr:
            trans_export(False, [addon], buf, "po", cr)
    return polib.pofile(buf.getvalue().decode("utf-8"))


@pytest.mark.parametrize("addon", ADDONS)
def test_translation_files_exist(addon):
    i18n = os.path.join(ROOT, "addons", addon, "i18n")
    assert os.path.isfile(os.path.join(i18n, addon + ".pot"))
    assert os.path.isfile(os.path.join(i18n, "zh_CN.po"))


@pytest.mark.parametrize("addon", ADDONS)
def test_zh_cn_complete(addon):
    po = polib.pofile(os.path.join(ROOT, "addons", addon, "i18n", "zh_CN.po"))
    translated = {e.msgid for e in po if e.msgstr.strip()}
    untranslated = sorted(
        e.msgid for e in _exported_terms(addon) if e.msgid not in translated)
    assert untranslated == []


@pytest.mark.parametrize("addon", ADDONS)
def test_pot_up_to_date(addon):
    shipped = polib.pofile(os.path.join(ROOT, "addons", addon, "i18n", addon + ".pot"))
    shipped_ids = {e.msgid for e in shipped}
    missing = sorted(
        e.msgid for e in _exported_terms(addon) if e.msgid not in shipped_ids)
    assert missing == []
