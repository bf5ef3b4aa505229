# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Per-company intake settings: which intake channels need the review (R2.2)."""
from odoo import api, fields, models

# channel key -> field of res.company that says whether the channel needs review
INTAKE_REVIEW_FIELDS = [
    ('phone', 'eco_intake_review_phone'),
    ('email', 'eco_intake_review_email'),
    ('portal', 'eco_intake_review_portal'),
    ('fax', 'eco_intake_review_fax'),
    ('other', 'eco_intake_review_other'),
    ('system', 'eco_intake_review_system'),
]


class ResCompany(models.Model):
    _inherit = 'res.company'

    eco_intake_review_phone = fields.Boolean(
        string='Review Phone Requests', default=True)
    eco_intake_review_email = fields.Boolean(
        string='Review Email Requests', default=True)
    eco_intake_review_portal = fields.Boolean(
        string='Review Portal Requests', default=True)
    eco_intake_review_fax = fields.Boolean(
        string='Review Fax Requests', default=True)
    eco_intake_review_other = fields.Boolean(
        string='Review Other Requests', default=True)
    eco_intake_review_system = fields.Boolean(
        string='Review Direct Sales / Other Applications', default=False,
        help='Orders created outside the intake: quotations made in the Sales menus '
             'without choosing a channel, orders of other applications, imports.')

    @api.multi
    def _eco_intake_review_channels(self):
        """Set of the intake channel keys that need the review in this company
        (add-ons adding a channel extend it with super())."""
        self.ensure_one()
        return {key for key, name in INTAKE_REVIEW_FIELDS if self[name]}
