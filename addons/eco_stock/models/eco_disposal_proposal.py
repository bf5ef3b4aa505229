# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Disposal of slow-moving stock (R6.2): proposed by stock users, approved by
a stock manager, executed through Odoo's own documents (stock.scrap, a return
picking to the vendor, an internal transfer, a discounted sale quotation) so
that valuation and accounting follow."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class EcoDisposalProposal(models.Model):
    _name = 'eco.disposal.proposal'
    _description = 'Slow Mover Disposal Proposal'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'id desc'

    name = fields.Char(string='Reference', required=True, copy=False, readonly=True,
                       default='/')
    product_id = fields.Many2one(
        'product.product', string='Product', required=True, readonly=True,
        states={'draft': [('readonly', False)]})
    location_id = fields.Many2one(
        'stock.location', string='Location', required=True, readonly=True,
        domain=[('usage', '=', 'internal')], states={'draft': [('readonly', False)]})
    quantity = fields.Float(required=True, readonly=True,
                            states={'draft': [('readonly', False)]})
    method = fields.Selection(
        [('scrap', 'Scrap'), ('discount', 'Sell at a Discount'),
         ('return', 'Return to Vendor'), ('transfer', 'Transfer')],
        required=True, default='scrap', readonly=True, track_visibility='onchange',
        states={'draft': [('readonly', False)]})
    partner_id = fields.Many2one(
        'res.partner', string='Customer', readonly=True,
        states={'draft': [('readonly', False)]},
        help='Customer of the discounted sale.')
    discount = fields.Float(string='Discount (%)', readonly=True,
                            states={'draft': [('readonly', False)]})
    dest_location_id = fields.Many2one(
        'stock.location', string='Transfer To', readonly=True,
        domain=[('usage', '=', 'internal')], states={'draft': [('readonly', False)]})
    reason = fields.Text(readonly=True, states={'draft': [('readonly', False)]})
    company_id = fields.Many2one(
        'res.company',
        default=lambda self: self.env['res.company']._company_default_get(
            'eco.disposal.proposal'))
    state = fields.Selection(
        [('draft', 'Proposed'), ('approved', 'Approved'), ('done', 'Executed'),
         ('cancelled', 'Cancelled')],
        default='draft', required=True, readonly=True, track_visibility='onchange')
    approved_by_id = fields.Many2one('res.users', readonly=True, copy=False,
                                     track_visibility='onchange')
    approved_date = fields.Datetime(readonly=True, copy=False)
    scrap_id = fields.Many2one('stock.scrap', readonly=True, copy=False)
    picking_id = fields.Many2one('stock.picking', readonly=True, copy=False)
    sale_id = fields.Many2one('sale.order', string='Quotation', readonly=True,
                              copy=False)

    @api.constrains('quantity', 'discount')
    def _check_values(self):
        for proposal in self:
            if proposal.quantity <= 0:
                raise ValidationError(_('The quantity to dispose of must be positive.'))
            if not 0 <= proposal.discount <= 100:
                raise ValidationError(_('The discount is between 0 and 100 %.'))

    @api.model
    def create(self, vals):
        if vals.get('name', '/') == '/':
            vals['name'] = self.env['ir.sequence'].next_by_code(
                'eco.disposal.proposal') or '/'
        return super(EcoDisposalProposal, self).create(vals)

    @api.multi
    def _eco_check_state(self, state):
        for proposal in self:
            if proposal.state != state:
                raise UserError(_('Disposal proposal %s is not in the right state '
                                  'for this.') % proposal.name)

    @api.multi
    def action_approve(self):
        if not self.env.user.has_group('stock.group_stock_manager'):
            raise AccessError(_('Only stock managers approve disposals.'))
        self._eco_check_state('draft')
        for proposal in self:
            if proposal.method == 'discount' and not proposal.partner_id:
                raise UserError(_('Give the customer of the discounted sale.'))
            if proposal.method == 'transfer' and not proposal.dest_location_id:
                raise UserError(_('Give the location to transfer to.'))
        self.write({'state': 'approved', 'approved_by_id': self.env.uid,
                    'approved_date': fields.Datetime.now()})
        return True

    @api.multi
    def action_cancel(self):
        self.filtered(lambda p: p.state in ('draft', 'approved')).write(
            {'state': 'cancelled'})
        return True

    @api.multi
    def action_execute(self):
        if not self.env.user.has_group('stock.group_stock_manager'):
            raise AccessError(_('Only stock managers execute disposals.'))
        self._eco_check_state('approved')
        for proposal in self:
            getattr(proposal, '_eco_execute_%s' % proposal.method)()
            proposal.state = 'done'
        return True

    @api.multi
    def _eco_execute_scrap(self):
        self.ensure_one()
        scrap = self.env['stock.scrap'].create({
            'product_id': self.product_id.id,
            'product_uom_id': self.product_id.uom_id.id,
            'scrap_qty': self.quantity,
            'location_id': self.location_id.id,
            'origin': self.name,
        })
        scrap.action_validate()
        self.scrap_id = scrap

    @api.multi
    def _eco_execute_return(self):
        self.ensure_one()
        receipt = self.env['stock.move'].search([
            ('product_id', '=', self.product_id.id), ('state', '=', 'done'),
            ('picking_id.picking_type_code', '=', 'incoming'),
            ('location_dest_id', 'child_of', self.location_id.id)],
            order='date desc', limit=1).picking_id
        if not receipt:
            raise UserError(_('No receipt of %s to return to its vendor.')
                            % self.product_id.display_name)
        wizard = self.env['stock.return.picking'].with_context(
            active_id=receipt.id, active_ids=receipt.ids).create({})
        wizard.product_return_moves.filtered(
            lambda l: l.product_id != self.product_id).unlink()
        wizard.product_return_moves.write({'quantity': self.quantity})
        picking_id, dummy = wizard._create_returns()
        self.picking_id = picking_id

    @api.multi
    def _eco_execute_transfer(self):
        self.ensure_one()
        warehouse = self.env['stock.warehouse'].search(
            [('company_id', '=', self.company_id.id)], limit=1)
        picking = self.env['stock.picking'].create({
            'picking_type_id': warehouse.int_type_id.id,
            'location_id': self.location_id.id,
            'location_dest_id': self.dest_location_id.id,
            'origin': self.name,
            'move_lines': [(0, 0, {
                'name': self.product_id.display_name,
                'product_id': self.product_id.id,
                'product_uom': self.product_id.uom_id.id,
                'product_uom_qty': self.quantity,
                'location_id': self.location_id.id,
                'location_dest_id': self.dest_location_id.id,
            })],
        })
        picking.action_confirm()
        self.picking_id = picking

    @api.multi
    def _eco_execute_discount(self):
        self.ensure_one()
        # stock managers may not sell: the quotation is made as superuser after the
        # group check of action_execute, in the name of the approving manager
        self.sale_id = self.env['sale.order'].sudo().create({
            'partner_id': self.partner_id.id,
            'user_id': self.env.uid,
            'origin': self.name,
            'order_line': [(0, 0, {
                'product_id': self.product_id.id,
                'product_uom_qty': self.quantity,
                'discount': self.discount,
            })],
        })
