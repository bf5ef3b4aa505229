"""Every add-on is packaged the OCA way (setup/<addon>, setuptools-odoo), and the meta
package odoo11-addons-eco-order-suite requires each of them.

scripts/wheels.sh (run by scripts/test.sh) builds and installs the wheels; these checks
fail early, and name the add-on, when a new add-on has no setup/ entry.
"""
import ast
import os

import pytest

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


@pytest.mark.parametrize("addon", ADDONS)
def test_setup_entry(addon):
    base = os.path.join(ROOT, "setup", addon)
    with open(os.path.join(base, "setup.py")) as f:
        assert "odoo_addon=True" in f.read()
    link = os.path.join(base, "odoo", "addons", addon)
    assert os.path.islink(link)
    assert os.path.realpath(link) == os.path.join(ROOT, "addons", addon)


def test_metapackage_requires_every_addon():
    with open(os.path.join(ROOT, "setup", "_metapackage", "setup.py")) as f:
        tree = ast.parse(f.read())
    requires = next(
        kw.value for node in ast.walk(tree) if isinstance(node, ast.Call)
        for kw in node.keywords if kw.arg == "install_requires")
    names = sorted(ast.literal_eval(requires))
    assert names == sorted("odoo11-addon-%s" % addon for addon in ADDONS)
