# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Eco After-Sales",
    "summary": "Service commitments and warranty, maintenance visits, after-sales "
               "tickets with SLA and escalation, follow-ups, satisfaction surveys, "
               "lessons learned (R9.3, R11.1-R11.3)",
    "version": "11.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/eco-order-suite",
    "author": "Eco Order Suite",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "eco_stock",
        "eco_hr",
        "survey",
        "maintenance",
        "maintenance_plan",
        "helpdesk_mgmt",
        "mgmtsystem_action",
    ],
    "data": [
        "security/eco_aftersales_security.xml",
        "security/ir.model.access.csv",
        "data/eco_aftersales_data.xml",
        "data/eco_aftersales_cron.xml",
        "data/eco_compliance_data.xml",
        "views/eco_service_template_views.xml",
        "views/eco_service_commitment_views.xml",
        "views/eco_equipment_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_stage_views.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/maintenance_request_views.xml",
        "views/eco_service_followup_views.xml",
        "views/eco_order_review_views.xml",
        "views/survey_user_input_views.xml",
        "views/sale_order_views.xml",
        "views/eco_order_type_views.xml",
        "views/portal_templates.xml",
        "report/eco_aftersales_reports.xml",
        "report/eco_service_terms_templates.xml",
        "views/eco_aftersales_menus.xml",
    ],
    "demo": [
        "demo/eco_aftersales_demo.xml",
    ],
}
