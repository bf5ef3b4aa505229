# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Eco Safety",
    "summary": "Safety qualification gate, site safety plans, permits to work, "
               "inspections and hazards, emergency plans, drills and incidents "
               "(R8.1-R8.3)",
    "version": "11.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/eco-order-suite",
    "author": "Eco Order Suite",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "eco_hr",
        "eco_stock",
        "mgmtsystem",
        "mgmtsystem_action",
    ],
    "data": [
        "security/eco_safety_security.xml",
        "security/ir.model.access.csv",
        "data/eco_safety_data.xml",
        "data/eco_safety_cron.xml",
        "data/eco_compliance_data.xml",
        "report/eco_safety_reports.xml",
        "views/eco_safety_risk_views.xml",
        "views/eco_safety_plan_views.xml",
        "views/eco_safety_inspection_views.xml",
        "views/eco_safety_emergency_views.xml",
        "views/eco_safety_incident_views.xml",
        "views/eco_installation_job_views.xml",
        "views/sale_order_views.xml",
        "report/eco_safety_frequency_report_views.xml",
        "views/eco_safety_menus.xml",
    ],
    "demo": [
        "demo/eco_safety_demo.xml",
    ],
}
