# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class EcoSafetyPpeIssue(models.Model):
    """Protective equipment issued to a worker, signed by the worker."""
    _name = 'eco.safety.ppe.issue'
    _description = 'PPE Issue'
    _order = 'plan_id, employee_id, id'

    plan_id = fields.Many2one('eco.safety.plan', required=True, ondelete='cascade',
                              index=True)
    employee_id = fields.Many2one('hr.employee', string='Worker', required=True)
    name = fields.Char(string='Equipment', required=True)
    quantity = fields.Integer(default=1)
    date_issued = fields.Date(default=fields.Date.context_today)
    signature = fields.Binary(attachment=True, copy=False)
    signed = fields.Boolean(readonly=True, copy=False)
    signed_date = fields.Datetime(readonly=True, copy=False)

    @api.multi
    def action_sign(self):
        for issue in self:
            if not issue.signature:
                raise UserError(_('%s must sign for %s first.') % (
                    issue.employee_id.name, issue.name))
        self.sudo().write({'signed': True, 'signed_date': fields.Datetime.now()})
        return True
