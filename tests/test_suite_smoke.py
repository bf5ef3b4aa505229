"""Suite-level smoke tests against the real server of the test session.

What a person sees first: the login page and the demo customer's request form, served
by Odoo and rendered by a real Chromium.
"""
import subprocess
import tempfile

import odoo.tests.common as common


def chromium_dom(url):
    """Render url in headless Chromium and return the resulting DOM."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync",
             "--user-data-dir=%s" % profile, "--virtual-time-budget=5000",
             "--dump-dom", url],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=120, check=True)
    return result.stdout.decode("utf-8")


class TestSuiteSmoke(common.HttpCase):

    def base_url(self):
        return "http://%s:%s" % (common.HOST, common.PORT)

    def test_login_page_in_chromium(self):
        dom = chromium_dom(self.base_url() + "/web/login")
        self.assertIn('name="login"', dom)
        self.assertIn('name="password"', dom)

    def test_anonymous_request_form_redirects_to_login_in_chromium(self):
        dom = chromium_dom(self.base_url() + "/my/order-request")
        self.assertIn('name="login"', dom)
        self.assertNotIn('name="intake_contact_name"', dom)

    def test_demo_customer_reaches_request_form(self):
        self.authenticate("customer", "customer")
        response = self.url_open("/my/order-request", timeout=120)
        self.assertEqual(response.status_code, 200)
        self.assertIn("/my/order-request", response.url)
        self.assertIn('name="csrf_token"', response.text)

    def test_demo_users_of_each_group_exist(self):
        env = self.env
        logins = {
            "eco_staff": "eco_order.group_eco_order_user",
            "eco_manager": "eco_order.group_eco_order_manager",
            "customer": "base.group_portal",
            "customer2": "base.group_portal",
        }
        for login, group in logins.items():
            user = env["res.users"].search([("login", "=", login)])
            self.assertEqual(len(user), 1, login)
            self.assertEqual(user.has_group(group), True, login)
