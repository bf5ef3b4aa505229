# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoInstallationMeasurement(models.Model):
    """A commissioning measurement judged against a standard's parameter limit.
    The bounds are copied from the limit when the line is created, so a later
    change of the standard does not rewrite the history."""
    _name = 'eco.installation.measurement'
    _description = 'Commissioning Measurement'
    _order = 'job_id, sequence, id'

    job_id = fields.Many2one(
        'eco.installation.job', string='Job', required=True, ondelete='cascade',
        index=True)
    sequence = fields.Integer(default=10)
    limit_id = fields.Many2one(
        'eco.environmental.standard.limit', string='Limit', required=True,
        ondelete='restrict')
    standard_id = fields.Many2one(
        related='limit_id.standard_id', string='Standard', store=True, readonly=True)
    pollutant = fields.Char(string='Parameter', required=True)
    unit = fields.Char()
    has_min = fields.Boolean(readonly=True)
    min_value = fields.Float(string='Minimum', readonly=True)
    has_max = fields.Boolean(readonly=True)
    max_value = fields.Float(string='Maximum', readonly=True)
    limit_text = fields.Char(string='Limit Value', compute='_compute_limit_text')
    sample_point = fields.Char()
    value = fields.Float(string='Measured Value', digits=(16, 3))
    measured = fields.Boolean(
        help='Set when the value is entered (a value of 0 is a measurement too).')
    result = fields.Selection(
        [('pending', 'Pending'), ('passed', 'Passed'), ('failed', 'Failed')],
        compute='_compute_result', store=True)

    @api.model
    def create(self, vals):
        limit = self.env['eco.environmental.standard.limit'].browse(vals['limit_id'])
        for key in ('unit', 'has_min', 'min_value', 'has_max', 'max_value',
                    'sequence'):
            vals.setdefault(key, limit[key])
        vals.setdefault('pollutant', limit.pollutant)
        if 'value' in vals:
            vals.setdefault('measured', True)
        return super(EcoInstallationMeasurement, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'value' in vals and 'measured' not in vals:
            vals['measured'] = True
        return super(EcoInstallationMeasurement, self).write(vals)

    @api.depends('has_min', 'min_value', 'has_max', 'max_value', 'unit')
    def _compute_limit_text(self):
        for line in self:
            if line.has_min and line.has_max:
                line.limit_text = '%g-%g %s' % (line.min_value, line.max_value,
                                                line.unit or '')
            elif line.has_max:
                line.limit_text = '<= %g %s' % (line.max_value, line.unit or '')
            else:
                line.limit_text = '>= %g %s' % (line.min_value, line.unit or '')

    @api.depends('value', 'measured', 'has_min', 'min_value', 'has_max', 'max_value')
    def _compute_result(self):
        for line in self:
            if not line.measured:
                line.result = 'pending'
            elif (line.has_min and line.value < line.min_value) \
                    or (line.has_max and line.value > line.max_value):
                line.result = 'failed'
            else:
                line.result = 'passed'
