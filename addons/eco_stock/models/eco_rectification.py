# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoRectification(models.Model):
    _inherit = 'eco.rectification'

    eco_installation_job_id = fields.Many2one(
        'eco.installation.job', string='Installation Job', ondelete='set null',
        index=True)
