# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoCertificationType(models.Model):
    """A professional qualification (environmental engineer, hazardous-waste
    operation licence, electrician, work at height ...)."""
    _name = 'eco.certification.type'
    _description = 'Certification Type'
    _order = 'name'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    issuer = fields.Char(string='Usual Issuer')
    validity_months = fields.Integer(
        string='Usual Validity (Months)', default=36,
        help='Proposed expiry of a new certification (0: no expiry).')
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The code of a certification type must be '
         'unique.'),
    ]
