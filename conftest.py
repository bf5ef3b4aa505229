"""pytest plugin of the suite (pytest-odoo runs the tests against a real database).

- starts Odoo's threaded HTTP server in this process, so HttpCase tests, JSON-RPC and
  XML-RPC calls and PhantomJS tours reach a real server on the configured port;
- refuses to run when a browser binary is missing (a skipped tour must not pass);
- fails the session on any ERROR/CRITICAL log line (Odoo logs many failures instead of
  raising them); tests silence expected errors with odoo.tools.mute_logger.
"""
import logging
import shutil

import pytest

_problems = []


class _ErrorCollector(logging.Handler):
    def emit(self, record):
        _problems.append(
            "%s %s: %s" % (record.levelname, record.name, record.getMessage()))


def pytest_configure(config):
    if not config.getoption("--odoo-config", default=None):
        return
    for binary in ("phantomjs", "chromium", "wkhtmltopdf"):
        if not shutil.which(binary):
            pytest.exit("%s not on PATH: browser/PDF tests would be skipped; run "
                        "scripts/test.sh, which installs it" % binary, returncode=3)


@pytest.fixture(scope="session", autouse=True)
def odoo_http_server(request):
    if not request.config.getoption("--odoo-config", default=None):
        yield None
        return
    import odoo
    import odoo.tests.common
    # odoo.tests.common read the port at import time, before the config was parsed
    odoo.tests.common.PORT = odoo.tools.config["http_port"]
    server = odoo.service.server.ThreadedServer(odoo.service.wsgi_server.application)
    server.http_spawn()
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
