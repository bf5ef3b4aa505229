# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EcoEnvironmentalStandardLimit(models.Model):
    """A parameter limit of an environmental standard, e.g. COD <= 50 mg/L under
    GB 18918-2002 class 1A. A measured value passes when it is within
    [min_value, max_value] (an empty bound is not checked)."""
    _name = 'eco.environmental.standard.limit'
    _description = 'Environmental Standard Parameter Limit'
    _order = 'standard_id, sequence, id'

    standard_id = fields.Many2one(
        'eco.environmental.standard', string='Standard', required=True,
        ondelete='cascade', index=True)
    sequence = fields.Integer(default=10)
    pollutant = fields.Char(string='Parameter', required=True, translate=True)
    grade = fields.Char(string='Class / Grade', help='e.g. 1A, 1B, 2.')
    unit = fields.Char(required=True)
    min_value = fields.Float(string='Minimum')
    max_value = fields.Float(string='Maximum (Limit)')
    has_min = fields.Boolean(string='Check Minimum')
    has_max = fields.Boolean(string='Check Maximum', default=True)

    @api.constrains('has_min', 'has_max', 'min_value', 'max_value')
    def _check_bounds(self):
        for limit in self:
            if not (limit.has_min or limit.has_max):
                raise ValidationError(_('Limit %s checks neither a minimum nor a '
                                        'maximum.') % limit.pollutant)
            if limit.has_min and limit.has_max and limit.min_value > limit.max_value:
                raise ValidationError(_('Limit %s: the minimum is above the maximum.')
                                      % limit.pollutant)

    @api.multi
    def name_get(self):
        return [(limit.id, '%s %s %s' % (
            limit.standard_id.code, limit.pollutant, limit._eco_range_text()))
            for limit in self]

    @api.multi
    def _eco_range_text(self):
        self.ensure_one()
        if self.has_min and self.has_max:
            return '%g-%g %s' % (self.min_value, self.max_value, self.unit)
        if self.has_max:
            return '<= %g %s' % (self.max_value, self.unit)
        return '>= %g %s' % (self.min_value, self.unit)

    @api.multi
    def _eco_passes(self, value):
        self.ensure_one()
        if self.has_min and value < self.min_value:
            return False
        if self.has_max and value > self.max_value:
            return False
        return True
