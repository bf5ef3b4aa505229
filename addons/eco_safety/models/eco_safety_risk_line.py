# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

SCALE = [(str(n), str(n)) for n in range(1, 6)]
LEVELS = [
    ('low', 'Low'),
    ('medium', 'Medium'),
    ('high', 'High'),
    ('critical', 'Critical'),
]


def risk_level(score):
    """Level of a likelihood x severity score (5 x 5 matrix)."""
    if score >= 17:
        return 'critical'
    if score >= 10:
        return 'high'
    if score >= 5:
        return 'medium'
    return 'low'


class EcoSafetyRiskLine(models.Model):
    """A line of a plan's risk assessment: likelihood x severity = score."""
    _name = 'eco.safety.risk.line'
    _description = 'Risk Assessment Line'
    _order = 'plan_id, score desc, id'

    plan_id = fields.Many2one('eco.safety.plan', required=True, ondelete='cascade',
                              index=True)
    risk_id = fields.Many2one('eco.safety.risk', string='Kind of Work')
    hazard = fields.Char(required=True)
    likelihood = fields.Selection(SCALE, required=True, default='3')
    severity = fields.Selection(SCALE, required=True, default='3')
    score = fields.Integer(compute='_compute_score', store=True)
    level = fields.Selection(LEVELS, compute='_compute_score', store=True)
    controls = fields.Text()
    residual_likelihood = fields.Selection(SCALE, default='1')
    residual_severity = fields.Selection(SCALE, default='1')
    residual_score = fields.Integer(compute='_compute_score', store=True)
    residual_level = fields.Selection(LEVELS, compute='_compute_score', store=True)

    @api.depends('likelihood', 'severity', 'residual_likelihood',
                 'residual_severity')
    def _compute_score(self):
        for line in self:
            line.score = int(line.likelihood or 0) * int(line.severity or 0)
            line.level = risk_level(line.score)
            line.residual_score = (int(line.residual_likelihood or 0)
                                   * int(line.residual_severity or 0))
            line.residual_level = risk_level(line.residual_score)
