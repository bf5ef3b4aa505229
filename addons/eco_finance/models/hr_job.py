# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrJob(models.Model):
    _inherit = 'hr.job'

    eco_hourly_cost = fields.Float(
        string='Hourly Cost', help='Labour rate of this role in cost estimates.')
