# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

PERMIT_TYPES = [
    ('hot_work', 'Hot Work'),
    ('confined_space', 'Confined Space'),
    ('height', 'Work at Height'),
    ('electrical', 'Electrical Isolation'),
]


class EcoSafetyRisk(models.Model):
    """A kind of site work with its risks (work at height, confined space,
    hot work ...): the qualifications it requires (eco_hr's register), the
    template of its safety plan and the permit to work it needs."""
    _name = 'eco.safety.risk'
    _description = 'Kind of Site Work (Safety Risk)'
    _order = 'sequence, name'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    requirement_ids = fields.Many2many(
        'eco.qualification.requirement', 'eco_safety_risk_requirement_rel',
        'risk_id', 'requirement_id', string='Required Qualifications',
        help='Trainings and certifications every technician of a job with this '
             'risk must hold, valid on the day of the job.')
    categ_ids = fields.Many2many(
        'product.category', 'eco_safety_risk_categ_rel', 'risk_id', 'categ_id',
        string='Equipment Categories',
        help='Jobs on equipment of these product categories (or their '
             'sub-categories) carry this risk (equipment operation).')
    permit_type = fields.Selection(
        PERMIT_TYPES, string='Permit to Work',
        help='A valid permit of this type is needed to start a job with this risk.')
    hazard_template = fields.Text(
        string='Usual Hazards', translate=True,
        help='One hazard per line: the risk assessment lines of a new plan.')
    ppe_template = fields.Char(
        string='Required PPE', translate=True,
        help='Comma-separated protective equipment issued to every worker.')
    procedure = fields.Text(string='Operating Procedure', translate=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The code of a risk must be unique.'),
    ]
