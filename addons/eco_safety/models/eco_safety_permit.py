# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Permit to work (作业许可) for a high-risk task of a site safety plan."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .eco_safety_risk import PERMIT_TYPES


class EcoSafetyPermit(models.Model):
    _name = 'eco.safety.permit'
    _description = 'Permit to Work'
    _inherit = ['mail.thread']
    _order = 'date_from desc, id desc'

    name = fields.Char(default='/', readonly=True, copy=False)
    plan_id = fields.Many2one('eco.safety.plan', required=True, ondelete='cascade',
                              index=True)
    permit_type = fields.Selection(PERMIT_TYPES, required=True,
                                   track_visibility='onchange')
    task = fields.Char(string='Task')
    requester_id = fields.Many2one('res.users', string='Requested By',
                                   default=lambda self: self.env.user)
    approver_id = fields.Many2one('res.users', string='Approved By', readonly=True,
                                  copy=False, track_visibility='onchange')
    date_from = fields.Datetime(string='Valid From', track_visibility='onchange')
    date_to = fields.Datetime(string='Valid Until', track_visibility='onchange')
    isolation = fields.Text(string='Isolations')
    gas_test = fields.Char(string='Gas Test Result')
    gas_test_date = fields.Datetime(string='Gas Tested On')
    state = fields.Selection([
        ('draft', 'Draft'),
        ('approved', 'Approved'),
        ('closed', 'Closed'),
    ], default='draft', required=True, readonly=True, copy=False,
        track_visibility='onchange')
    date_closed = fields.Datetime(readonly=True, copy=False)

    @api.model
    def create(self, vals):
        if vals.get('name', '/') == '/':
            vals['name'] = self.env['ir.sequence'].sudo().next_by_code(
                'eco.safety.permit') or '/'
        return super(EcoSafetyPermit, self).create(vals)

    @api.constrains('date_from', 'date_to')
    def _check_window(self):
        for permit in self:
            if permit.date_from and permit.date_to \
                    and permit.date_to <= permit.date_from:
                raise ValidationError(_('Permit %s ends before it starts.')
                                      % permit.name)

    @api.multi
    def _eco_valid_at(self, when):
        self.ensure_one()
        return bool(self.state == 'approved' and self.date_from and self.date_to
                    and self.date_from <= when <= self.date_to)

    @api.multi
    def action_approve(self):
        for permit in self:
            if permit.state != 'draft':
                raise UserError(_('Permit %s is not a draft.') % permit.name)
            if not (permit.date_from and permit.date_to):
                raise UserError(_('Give the validity window of permit %s.')
                                % permit.name)
            if permit.permit_type == 'confined_space' and not permit.gas_test:
                raise UserError(_('Permit %s: record the gas test first.')
                                % permit.name)
            if permit.permit_type in ('confined_space', 'electrical') \
                    and not permit.isolation:
                raise UserError(_('Permit %s: record the isolations first.')
                                % permit.name)
        self.write({'state': 'approved', 'approver_id': self.env.uid})
        return True

    @api.multi
    def action_close(self):
        self.write({'state': 'closed', 'date_closed': fields.Datetime.now()})
        return True
