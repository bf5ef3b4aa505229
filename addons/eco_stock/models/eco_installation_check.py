# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoInstallationCheck(models.Model):
    _name = 'eco.installation.check'
    _description = 'Installation Checklist Item'
    _inherit = 'eco.order.template.line.mixin'

    job_id = fields.Many2one(
        'eco.installation.job', string='Job', required=True, ondelete='cascade',
        index=True)
    template_id = fields.Many2one(
        'eco.installation.check.template', string='Template', ondelete='set null')
    name = fields.Char(string='Check', required=True)
    done = fields.Boolean()
    done_by_id = fields.Many2one('res.users', string='Done By', readonly=True)
    note = fields.Char()

    @api.multi
    def write(self, vals):
        if 'done' in vals:
            vals['done_by_id'] = self.env.uid if vals['done'] else False
        return super(EcoInstallationCheck, self).write(vals)
