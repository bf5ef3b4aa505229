# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EcoOrderType(models.Model):
    _inherit = 'eco.order.type'

    eco_followup_days = fields.Char(
        string='Follow-ups (Days After Acceptance)',
        help='Comma-separated days after the acceptance date when the project '
             'lead calls the customer, e.g. 7,30,90; empty: the company default '
             '(system parameter eco_aftersales.followup_days).')

    @api.constrains('eco_followup_days')
    def _check_eco_followup_days(self):
        for order_type in self:
            try:
                order_type._eco_followup_offsets()
            except ValueError:
                raise ValidationError(_(
                    'Follow-up days must be positive whole numbers separated by '
                    'commas, e.g. 7,30,90.'))

    @api.multi
    def _eco_followup_offsets(self):
        self.ensure_one()
        return parse_days(self.eco_followup_days)


def parse_days(text):
    """``'7, 30,90'`` -> ``[7, 30, 90]`` (ValueError on anything else)."""
    days = sorted({int(part) for part in (text or '').split(',') if part.strip()})
    if any(day <= 0 for day in days):
        raise ValueError(text)
    return days
