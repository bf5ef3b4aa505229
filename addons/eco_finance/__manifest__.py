# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Eco Finance",
    "summary": "Order cost sheet, cost-plus pricing with special-pricing review, "
               "collection and dunning with credit hold (R5)",
    "version": "11.0.1.0.0",
    "category": "Accounting",
    "website": "https://github.com/eco-order-suite",
    "author": "Eco Order Suite",
    "license": "LGPL-3",
    # work in progress (issue 10): 23 of 41 tests pass, zh_CN missing; not installable
    # until finished, so the scripts, CI and integrators skip it
    "installable": False,
    "depends": [
        "eco_order",
        "account",
        "sale",
        "sale_stock",
        "stock_account",
        "purchase",
        "sale_margin",
        "hr_timesheet",
        "sale_timesheet",
        "account_credit_control",
        "account_financial_risk",
        "sale_financial_risk",
        "base_tier_validation",
    ],
    "data": [
        "security/eco_finance_security.xml",
        "security/ir.model.access.csv",
        "data/eco_finance_data.xml",
        "views/res_partner_views.xml",
        "views/sale_order_views.xml",
        "views/credit_control_policy_views.xml",
        "views/eco_pricing_policy_views.xml",
        "report/eco_cost_sheet_reports.xml",
        "views/eco_cost_sheet_views.xml",
        "views/eco_payment_schedule_views.xml",
        "views/eco_collection_report_views.xml",
        "views/eco_finance_menus.xml",
    ],
    "demo": [
        "demo/eco_finance_demo.xml",
    ],
}
