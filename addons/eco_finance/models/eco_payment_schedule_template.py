# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

EVENTS = [
    ('confirm', 'Order Confirmation'),
    ('delivery', 'Delivery Done'),
    ('acceptance', 'Acceptance Passed'),
    ('warranty', 'Warranty End'),
]


class EcoPaymentScheduleTemplate(models.Model):
    """Payment terms of a contract in instalments (e.g. 30 % advance, 60 % on
    delivery, 10 % on acceptance); the percentages make 100 %."""
    _name = 'eco.payment.schedule.template'
    _description = 'Payment Schedule Template'

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company',
                                 default=lambda self: self.env.user.company_id)
    line_ids = fields.One2many('eco.payment.schedule.template.line', 'template_id',
                               string='Instalments', copy=True)

    @api.constrains('line_ids')
    def _check_total(self):
        for template in self:
            total = sum(template.line_ids.mapped('percent'))
            if float_compare(total, 100.0, precision_digits=2) != 0:
                raise ValidationError(_(
                    'The instalments of payment schedule %s make %.2f %%, not '
                    '100 %%.') % (template.name, total))


class EcoPaymentScheduleTemplateLine(models.Model):
    _name = 'eco.payment.schedule.template.line'
    _description = 'Payment Schedule Template Instalment'
    _order = 'template_id, sequence, id'

    template_id = fields.Many2one('eco.payment.schedule.template', required=True,
                                  ondelete='cascade')
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    event = fields.Selection(EVENTS, required=True)
    percent = fields.Float(string='Share (%)', required=True)

    _sql_constraints = [
        ('percent_positive', 'CHECK(percent > 0 AND percent <= 100)',
         'An instalment is between 0 and 100 % of the order.'),
    ]
