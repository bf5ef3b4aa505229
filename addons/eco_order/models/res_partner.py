from odoo import models  # noqa: F401
