"""pytest plugin of the suite (pytest-odoo runs the tests against a real database).

- starts Odoo's threaded HTTP server in this process, so HttpCase tests, JSON-RPC and
  XML-RPC calls and PhantomJS tours reach a real server on the configured port;
- refuses to run when a browser binary is missing (a skipped tour must not pass);
- fails the session on any ERROR/CRITICAL log line (Odoo logs many failures instead of
  raising them); tests silence expected errors with odoo.tools.mute_logger.
"""
import logging
import re
import shutil
import time
from pathlib import Path

import _pytest.python
import pytest

_problems = []


class _ErrorCollector(logging.Handler):
    def emit(self, record):
        _problems.append(
            "%s %s: %s" % (record.levelname, record.name, record.getMessage()))


def _in_addon(path):
    """Whether path lies inside an Odoo add-on (a folder with __manifest__.py)."""
    path = Path(str(path)).resolve()
    return any((parent / "__manifest__.py").is_file() for parent in path.parents)


# pytest-odoo 1.0.1 treats every path as part of an add-on (and fails on the suite-level
# tests/ folder): plain pytest collection for paths outside the add-ons.
@pytest.hookimpl(tryfirst=True)
def pytest_ignore_collect(collection_path):
    if not _in_addon(collection_path):
        return False
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(module_path, parent):
    if not _in_addon(module_path):
        return _pytest.python.Module.from_parent(parent, path=Path(str(module_path)))
    return None


def pytest_configure(config):
    if not config.getoption("--odoo-config", default=None):
        return
    import odoo.tests.common
    # odoo.tests.common read the port at import time, before pytest-odoo parsed the
    # config; test modules import it at collection, so fix it before collecting.
    odoo.tests.common.PORT = odoo.tools.config["http_port"]
    for binary in ("phantomjs", "chromium", "wkhtmltopdf"):
        if not shutil.which(binary):
            pytest.exit("%s not on PATH: browser/PDF tests would be skipped; run "
                        "scripts/test.sh, which installs it" % binary, returncode=3)


def _warm_up_assets():
    """Build the asset bundles once, outside any test transaction.

    Odoo stores compiled bundles as attachments; built inside an HttpCase they would be
    rolled back with the test and compiled again (lessc) by the next one.
    """
    import odoo.tests.common
    import requests
    url = "http://%s:%s/web/login" % (odoo.tests.common.HOST, odoo.tests.common.PORT)
    for _attempt in range(120):  # the HTTP thread binds its socket asynchronously
        try:
            response = requests.get(url, timeout=600)
            break
        except requests.ConnectionError:
            time.sleep(0.5)
    else:
        pytest.exit("the Odoo HTTP server did not start on %s" % url, returncode=3)
    for path in re.findall(r'(?:href|src)="(/web/content/[^"]+)"', response.text):
        requests.get(url.replace("/web/login", path), timeout=600)


@pytest.fixture(scope="session", autouse=True)
def odoo_http_server(request):
    if not request.config.getoption("--odoo-config", default=None):
        yield None
        return
    import odoo
    server = odoo.service.server.ThreadedServer(odoo.service.wsgi_server.application)
    server.http_spawn()
    _warm_up_assets()
    handler = _ErrorCollector(level=logging.ERROR)
    logging.getLogger().addHandler(handler)
    yield server
    logging.getLogger().removeHandler(handler)


def pytest_sessionfinish(session, exitstatus):
    if _problems:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        for line in _problems:
            reporter.write_line("LOGGED " + line, red=True)
        reporter.write_line(
            "%d ERROR/CRITICAL log line(s) during the tests" % len(_problems), red=True)
        if session.exitstatus == 0:
            session.exitstatus = 1
