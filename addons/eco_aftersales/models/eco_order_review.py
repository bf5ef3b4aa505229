# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Order review after acceptance: what went well or badly, root causes, lessons
that become improvement actions tracked to closure (R11.3)."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class EcoOrderReview(models.Model):
    _name = 'eco.order.review'
    _description = 'Order Review (Lessons Learned)'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'id desc'

    name = fields.Char(string='Reference', required=True, readonly=True,
                       default='/', copy=False)
    order_id = fields.Many2one('sale.order', string='Order', required=True,
                               ondelete='cascade', index=True)
    partner_id = fields.Many2one(related='order_id.partner_id', store=True,
                                 readonly=True, string='Customer')
    company_id = fields.Many2one(related='order_id.company_id', store=True,
                                 readonly=True, string='Company')
    user_id = fields.Many2one('res.users', string='Reviewer',
                              default=lambda self: self.env.user)
    date = fields.Date(default=fields.Date.context_today, required=True)
    reasons = fields.Char(string='Why Reviewed', readonly=True)
    went_well = fields.Text(string='What Went Well')
    went_badly = fields.Text(string='What Went Badly')
    root_causes = fields.Text(string='Root Causes')
    lesson_ids = fields.One2many('eco.order.lesson', 'review_id', string='Lessons')
    state = fields.Selection(
        [('draft', 'Draft'), ('actions', 'Actions Open'), ('closed', 'Closed')],
        default='draft', required=True, index=True, track_visibility='onchange')

    @api.model
    def create(self, vals):
        if vals.get('name', '/') == '/':
            vals['name'] = self.env['ir.sequence'].next_by_code(
                'eco.order.review') or '/'
        order = self.env['sale.order'].browse(vals.get('order_id'))
        if order and not vals.get('reasons'):
            vals['reasons'] = ', '.join(order._eco_review_reasons())
        return super(EcoOrderReview, self).create(vals)

    @api.multi
    def action_create_actions(self):
        """Every lesson without an action becomes an improvement action."""
        for review in self:
            if not review.lesson_ids:
                raise UserError(_('Record at least one lesson in review %s.')
                                % review.name)
            review.lesson_ids.filtered(lambda l: not l.action_id)._eco_create_action()
        self.write({'state': 'actions'})
        return True

    @api.multi
    def _eco_check_closed(self):
        """Close the reviews whose lessons' actions are all closed and verified."""
        for review in self.filtered(lambda r: r.state == 'actions'):
            if all(l.action_closed and l.effect_verified for l in review.lesson_ids):
                review.state = 'closed'
        return True

    @api.multi
    def action_check_closed(self):
        self._eco_check_closed()
        return True
