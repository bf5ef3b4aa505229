# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EcoTrainingTopic(models.Model):
    """What a training is about (R4.1), with the validity of a completion."""
    _name = 'eco.training.topic'
    _description = 'Training Topic'
    _order = 'sequence, name'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    category = fields.Selection([
        ('environment', 'Environmental Knowledge'),
        ('communication', 'Customer Communication'),
        ('system', 'Order-System Operation'),
        ('safety', 'Safety'),
        ('product', 'Product and Equipment'),
        ('other', 'Other'),
    ], required=True, default='environment')
    validity_months = fields.Integer(
        string='Validity (Months)', default=12,
        help='A completed training is valid this many months (0: no expiry).')
    distinction_score = fields.Float(
        string='Distinction Score', default=90.0,
        help='Passing a course with at least this score proposes a reward.')
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The code of a training topic must be unique.'),
        ('validity_positive', 'CHECK(validity_months >= 0)',
         'The validity cannot be negative.'),
    ]
