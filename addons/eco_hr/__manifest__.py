# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Eco HR",
    "summary": "Order staff: training, certifications, appraisal from order data, "
               "team activities, workload and care",
    "version": "11.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/eco-order-suite",
    "author": "Eco Order Suite",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "eco_order",
        "hr",
        "hr_holidays",
        "calendar",
        "hr_course",
    ],
    "data": [
        "security/eco_hr_security.xml",
        "security/ir.model.access.csv",
        "data/eco_hr_data.xml",
        "data/eco_training_topic_data.xml",
        "views/eco_training_topic_views.xml",
        "views/eco_training_record_views.xml",
        "views/eco_self_study_views.xml",
        "views/hr_course_views.xml",
        "views/eco_appraisal_views.xml",
        "views/eco_team_activity_views.xml",
        "views/eco_help_request_views.xml",
        "views/hr_employee_views.xml",
        "report/eco_reward_reports.xml",
        "views/eco_hr_menus.xml",
    ],
    "demo": [
        "demo/eco_hr_demo.xml",
    ],
}
