# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .eco_cost_sheet import CATEGORIES


class EcoCostEstimateLine(models.Model):
    """Labour (hours x rate of an employee or a role) and manual estimate lines of an
    order; with the order lines' cost they make the estimate frozen at
    confirmation."""
    _name = 'eco.cost.estimate.line'
    _description = 'Order Cost Estimate Line'

    order_id = fields.Many2one('sale.order', required=True, ondelete='cascade',
                               index=True)
    name = fields.Char(string='Description', required=True)
    category = fields.Selection(CATEGORIES, required=True, default='labour')
    employee_id = fields.Many2one('hr.employee', string='Employee')
    job_id = fields.Many2one('hr.job', string='Role')
    quantity = fields.Float(string='Hours / Quantity', default=1.0)
    unit_cost = fields.Float(string='Rate / Unit Cost')
    amount = fields.Float(compute='_compute_amount', store=True)

    @api.depends('quantity', 'unit_cost')
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.unit_cost

    @api.onchange('employee_id', 'job_id')
    def _onchange_rate(self):
        if self.employee_id and self.employee_id.timesheet_cost:
            self.unit_cost = self.employee_id.timesheet_cost
        elif self.job_id and self.job_id.eco_hourly_cost:
            self.unit_cost = self.job_id.eco_hourly_cost

    @api.model
    def create(self, vals):
        if not vals.get('unit_cost') and vals.get('category', 'labour') == 'labour':
            employee = self.env['hr.employee'].browse(vals.get('employee_id'))
            job = self.env['hr.job'].browse(vals.get('job_id'))
            vals['unit_cost'] = employee.sudo().timesheet_cost or \
                job.sudo().eco_hourly_cost or 0.0
        line = super(EcoCostEstimateLine, self).create(vals)
        line._check_order_open()
        return line

    @api.multi
    def write(self, vals):
        self._check_order_open()
        return super(EcoCostEstimateLine, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_order_open()
        return super(EcoCostEstimateLine, self).unlink()

    def _check_order_open(self):
        for line in self:
            if line.order_id.state not in ('draft', 'sent'):
                raise UserError(_(
                    'The estimate of order %s is its baseline since confirmation: '
                    'it cannot be changed.') % line.order_id.name)
