# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Eco Order: Online Shop",
    "summary": "Shop orders recorded with the online shop intake channel; their "
               "intake passes at checkout and they confirm as in Odoo",
    "version": "11.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/eco-order-suite",
    "author": "Eco Order Suite",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": [
        "eco_order",
        "website_sale",
    ],
    "data": [
        "views/sale_order_views.xml",
    ],
}
