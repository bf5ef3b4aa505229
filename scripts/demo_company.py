#!/usr/bin/env python3
"""The demo database's company setting (scripts/run.sh): a Chinese
environmental-protection company.

Two steps, each run once by scripts/run.sh through the venv's python:

``--step company`` on the demo template right after ``base`` is installed (with
zh_CN loaded) and BEFORE ``account``: the main company's name and address in
Chinese and English, country China (so that account's post-init installs the
Chinese chart of accounts ``l10n_cn`` and its chart sets the currency CNY), currency
CNY, time zone Asia/Shanghai for the company and the administrator.

``--step users`` on the demo database after the suite is installed with its demo
data: the Chinese-speaking logins (``eco_staff``, ``customer``) get the language
zh_CN, every demo user the time zone Asia/Shanghai, the website (portal pages) offers
Simplified Chinese, and the portal request form and the Order Requests menu offer
the company's own products only (``res.company.eco_request_categ_ids``: the product
categories of the company's demo products).

``--check`` prints the setting of a database and exits 1 if it is not the one above
(the run database after both steps).

The test database (scripts/test.sh) is built from the generic template and never
sees these steps.
"""
import argparse
import sys

import odoo
from odoo import SUPERUSER_ID, api

TZ = "Asia/Shanghai"
CHINESE_LOGINS = ("eco_staff", "customer")
DEMO_LOGINS = ("admin", "demo", "eco_staff", "eco_manager", "customer", "customer2",
               "eco_hr_engineer", "eco_safety_officer")
REQUEST_CATEGORIES = ("eco_order.product_category_eco_equipment_demo",
                      "eco_order.product_category_eco_consumable_demo",
                      "eco_order.product_category_eco_service_demo")
COMPANY = {
    "name": "绿源环保科技（苏州）有限公司 Lvyuan Environmental Technology (Suzhou) Co., Ltd.",
    "street": "苏州工业园区星湖街328号创意产业园12栋",
    "street2": "Building 12, 328 Xinghu Street, Suzhou Industrial Park",
    "city": "苏州 Suzhou",
    "zip": "215123",
    "phone": "+86 512 6288 6600",
    "email": "info@eco-company.example.com",
    "website": "http://www.eco-company.example.com",
    "report_header": "水、气、土壤污染治理 · 环境监测 · 运维服务 | "
                     "Water, air and soil treatment · Environmental monitoring · "
                     "Operation and maintenance",
}


def step_company(env):
    # --load-language on a new database makes zh_CN the only language and every
    # partner's: English stays the default (admin, new users), zh_CN is loaded beside it
    env.ref("base.lang_en").active = True
    env["ir.default"].set("res.partner", "lang", "en_US")
    env["res.partner"].with_context(active_test=False).search(
        [("lang", "!=", "en_US")]).write({"lang": "en_US"})
    company = env.ref("base.main_company")
    cny = env.ref("base.CNY")
    cny.active = True
    values = dict(COMPANY, country_id=env.ref("base.cn").id, currency_id=cny.id)
    company.write(values)
    company.partner_id.tz = TZ
    env.ref("base.user_root").tz = TZ
    demo = env.ref("base.user_demo", raise_if_not_found=False)
    if demo:
        demo.tz = TZ


def step_users(env):
    Users = env["res.users"].with_context(active_test=False)
    zh = env["res.lang"].search([("code", "=", "zh_CN")])
    if not zh:
        raise SystemExit("zh_CN is not loaded in %s" % env.cr.dbname)
    Users.search([]).write({"tz": TZ})
    Users.search([("login", "in", CHINESE_LOGINS)]).write({"lang": "zh_CN"})
    company = env.ref("base.main_company")
    jiangsu = env.ref("l10n_cn.state_JS", raise_if_not_found=False)
    if jiangsu:
        company.state_id = jiangsu
    categories = env["product.category"]
    for xmlid in REQUEST_CATEGORIES:
        categories |= env.ref(xmlid, raise_if_not_found=False) or categories
    if categories:
        company.eco_request_categ_ids = categories
    if "website" in env:
        for website in env["website"].search([]):
            website.language_ids |= zh


def check(env):
    """Print the setting; return the list of what differs from the expected one."""
    company = env.ref("base.main_company")
    Users = env["res.users"].with_context(active_test=False)
    installed = set(env["ir.module.module"].search(
        [("state", "=", "installed"), ("name", "like", "l10n_%")]).mapped("name"))
    langs = {u.login: u.lang for u in Users.search([("login", "in", DEMO_LOGINS)])}
    tzs = {u.login: u.tz for u in Users.search([("login", "in", DEMO_LOGINS)])}
    print("company: %s / %s / %s / %s" % (
        company.name, company.street, company.street2, company.city))
    print("country: %s, currency: %s, chart: %s" % (
        company.country_id.code, company.currency_id.name,
        company.chart_template_id.name))
    print("localisation modules: %s" % ", ".join(sorted(installed)))
    print("languages: %s" % ", ".join(env["res.lang"].search([]).mapped("code")))
    print("user languages: %s" % ", ".join(
        "%s=%s" % kv for kv in sorted(langs.items())))
    print("request categories: %s" % ", ".join(
        company.eco_request_categ_ids.mapped("complete_name")))
    problems = []
    if company.country_id.code != "CN":
        problems.append("company country is not CN")
    if company.currency_id.name != "CNY":
        problems.append("company currency is not CNY")
    if "l10n_cn" not in installed:
        problems.append("l10n_cn is not installed")
    if not env["res.lang"].search([("code", "=", "zh_CN")]):
        problems.append("zh_CN is not loaded")
    if langs.get("admin") != "en_US":
        problems.append("admin does not speak en_US")
    for login in CHINESE_LOGINS:
        if langs.get(login) != "zh_CN":
            problems.append("%s does not speak zh_CN" % login)
    if any(tz != TZ for tz in tzs.values()):
        problems.append("not every demo user is in %s: %s" % (TZ, tzs))
    if not company.eco_request_categ_ids:
        problems.append("no request product categories")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo server config")
    parser.add_argument("-d", "--database", required=True)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--step", choices=("company", "users"))
    group.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database,
                                    "--log-level=warn"])
    registry = odoo.registry(args.database)
    with api.Environment.manage(), registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if args.check:
            problems = check(env)
            for problem in problems:
                print("NOT AS EXPECTED: %s" % problem)
            return 1 if problems else 0
        if args.step == "company":
            step_company(env)
        else:
            step_users(env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
