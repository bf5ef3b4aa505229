# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rectification of a failed acceptance criterion (R10.3): open until closed."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class EcoRectification(models.Model):
    _name = 'eco.rectification'
    _description = 'Acceptance Rectification'
    _inherit = ['eco.deadline.mixin', 'mail.thread', 'mail.activity.mixin']
    _order = 'state desc, deadline, id'

    # escalation (eco.deadline.mixin): the responsible, then the order's team leader
    _deadline_responsible_field = 'user_id'
    _deadline_manager_field = 'order_id.team_id.user_id'

    name = fields.Char(string='Issue', required=True, track_visibility='onchange')
    # auto_join: the confidentiality rules read the order's stored level
    # in a join, not in a sub-search returning every order's id
    order_id = fields.Many2one(
        'sale.order', string='Order', required=True, ondelete='cascade', index=True,
        auto_join=True)
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
    date_done = fields.Datetime(string='Closed On', readonly=True)
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

    @api.multi
    def _eco_escalation_summary(self, level):
        self.ensure_one()
        if level >= 2:
            return _('Rectification "%s" of order %s is overdue (escalated)') % (
                self.name, self.order_id.name)
        return _('Rectification "%s" of order %s is overdue') % (
            self.name, self.order_id.name)

    @api.model
    def _cron_escalate(self, batch_size=500):
        return self._cron_eco_escalate_overdue(batch_size=batch_size)
