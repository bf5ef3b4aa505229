# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Site inspection from a checklist: each failed item raises a hazard
(隐患) whose rectification is a corrective action."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

DEADLINE_DAYS = {'high': 1, 'medium': 3, 'low': 7}


class EcoSafetyInspection(models.Model):
    _name = 'eco.safety.inspection'
    _description = 'Site Safety Inspection'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date desc, id desc'

    name = fields.Char(compute='_compute_name', store=True)
    plan_id = fields.Many2one('eco.safety.plan', string='Safety Plan', required=True,
                              ondelete='cascade', index=True)
    template_id = fields.Many2one('eco.safety.checklist.template', string='Checklist')
    date = fields.Date(default=fields.Date.context_today, required=True)
    inspector_id = fields.Many2one('res.users', string='Inspector',
                                   default=lambda self: self.env.user)
    line_ids = fields.One2many('eco.safety.inspection.line', 'inspection_id',
                               string='Checks')
    hazard_ids = fields.One2many('eco.safety.hazard', 'inspection_id',
                                 string='Hazards')
    state = fields.Selection([('draft', 'To Do'), ('done', 'Done')], default='draft',
                             required=True, readonly=True, copy=False,
                             track_visibility='onchange')

    @api.depends('plan_id.name', 'date')
    def _compute_name(self):
        for inspection in self:
            inspection.name = _('Inspection %s of %s') % (
                inspection.date or '', inspection.plan_id.name or '')

    @api.model
    def create(self, vals):
        inspection = super(EcoSafetyInspection, self).create(vals)
        if inspection.template_id and not inspection.line_ids:
            inspection.action_load_template()
        return inspection

    @api.multi
    def action_load_template(self):
        Line = self.env['eco.safety.inspection.line']
        for inspection in self:
            known = inspection.line_ids.mapped('item_id')
            for item in inspection.template_id.item_ids - known:
                Line.create({'inspection_id': inspection.id, 'item_id': item.id,
                             'name': item.name, 'severity': item.severity})
        return True

    @api.multi
    def action_done(self):
        """Close the inspection; every failed check raises a hazard."""
        for inspection in self:
            if inspection.state != 'draft':
                raise UserError(_('Inspection %s is already done.') % inspection.name)
            open_lines = inspection.line_ids.filtered(lambda l: not l.result)
            if open_lines:
                raise UserError(_('Inspection %s: give a result for %s.') % (
                    inspection.name, ', '.join(open_lines.mapped('name'))))
            for line in inspection.line_ids.filtered(
                    lambda l: l.result == 'fail' and not l.hazard_id):
                line.hazard_id = inspection._eco_raise_hazard(line)
        self.write({'state': 'done'})
        return True

    @api.multi
    def _eco_raise_hazard(self, line):
        self.ensure_one()
        deadline = fields.Datetime.from_string(fields.Datetime.now()) + timedelta(
            days=DEADLINE_DAYS[line.severity])
        return self.env['eco.safety.hazard'].create({
            'name': line.name,
            'plan_id': self.plan_id.id,
            'inspection_id': self.id,
            'severity': line.severity,
            'location': line.location,
            'photo': line.photo,
            'description': line.note,
            'user_id': (line.responsible_id or self.plan_id.user_id
                        or self.env.user).id,
            'deadline': fields.Datetime.to_string(deadline),
        })
