# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rectification of a failed acceptance criterion (R10.3): open until closed."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class EcoRectification(models.Model):
    _name = 'eco.rectification'
    _description = 'Acceptance Rectification'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'state desc, deadline, id'

    name = fields.Char(string='Issue', required=True, track_visibility='onchange')
    order_id = fields.Many2one(
        'sale.order', string='Order', required=True, ondelete='cascade', index=True)
    partner_id = fields.Many2one(
        related='order_id.partner_id', string='Customer', store=True, readonly=True)
    company_id = fields.Many2one(
        related='order_id.company_id', string='Company', store=True, readonly=True)
    acceptance_id = fields.Many2one(
        'eco.acceptance', string='Acceptance', ondelete='set null', index=True)
    acceptance_line_id = fields.Many2one(
        'eco.acceptance.line', string='Failed Criterion', ondelete='set null')
    description = fields.Text()
    user_id = fields.Many2one(
        'res.users', string='Responsible', track_visibility='onchange',
        default=lambda self: self.env.user)
    deadline = fields.Datetime(track_visibility='onchange')
    date_done = fields.Datetime(string='Closed On', readonly=True, copy=False)
    resolution = fields.Text()
    state = fields.Selection(
        [('open', 'Open'), ('closed', 'Closed')], required=True, default='open',
        index=True, copy=False, track_visibility='onchange')

    @api.multi
    def action_close(self):
        for rectification in self:
            if rectification.state != 'open':
                raise UserError(_('Rectification "%s" is already closed.')
                                % rectification.name)
        self.write({'state': 'closed', 'date_done': fields.Datetime.now()})
        return True

    @api.multi
    def action_reopen(self):
        self.write({'state': 'open', 'date_done': False})
        return True
