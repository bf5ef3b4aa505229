# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoEnvironmentalStandard(models.Model):
    _inherit = 'eco.environmental.standard'

    limit_ids = fields.One2many(
        'eco.environmental.standard.limit', 'standard_id', string='Parameter Limits')
