from odoo import http  # noqa: F401
