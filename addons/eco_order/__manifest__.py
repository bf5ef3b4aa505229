# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Eco Order",
    "summary": "Customer order processing of an environmental-protection company: "
               "intake, review, needs discovery",
    "version": "11.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/eco-order-suite",
    "author": "Eco Order Suite",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "pre_init_hook": "pre_init_hook",
    "depends": [
        "sale_management",
        "portal",
        "hr",
        "calendar",
    ],
    "data": [
        "security/eco_order_security.xml",
        "security/ir.model.access.csv",
        "data/eco_order_data.xml",
        "data/mail_template_data.xml",
        "data/eco_environmental_standard_data.xml",
        "data/eco_order_need_data.xml",
        "wizard/eco_intake_clarify_views.xml",
        "wizard/eco_intake_reject_views.xml",
        "views/sale_order_views.xml",
        "views/eco_environmental_standard_views.xml",
        "views/eco_order_need_views.xml",
        "views/eco_intake_rejection_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "views/assets.xml",
        "views/eco_order_menus.xml",
    ],
    "demo": [
        "demo/eco_order_demo.xml",
    ],
}
