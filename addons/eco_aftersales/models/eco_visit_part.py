# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Parts used on a maintenance visit (R11.1): product, quantity and lot/serial,
taken from the warehouse's stock. Confirming the visit's parts moves them to
the customer with a delivery whose origin is the visit."""
from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import UserError, ValidationError

LOCKED_FIELDS = ('product_id', 'product_uom_qty', 'lot_id', 'request_id')


class EcoVisitPart(models.Model):
    _name = 'eco.visit.part'
    _description = 'Part Used on a Maintenance Visit'
    _order = 'request_id, sequence, id'

    sequence = fields.Integer(default=10)
    request_id = fields.Many2one(
        'maintenance.request', string='Visit', required=True, index=True,
        ondelete='cascade')
    product_id = fields.Many2one(
        'product.product', string='Part', required=True,
        domain=[('type', 'in', ('product', 'consu'))])
    product_uom_qty = fields.Float(
        string='Quantity', required=True, default=1.0,
        digits=dp.get_precision('Product Unit of Measure'))
    product_uom_id = fields.Many2one(
        related='product_id.uom_id', string='Unit of Measure', readonly=True)
    tracking = fields.Selection(related='product_id.tracking', readonly=True)
    lot_id = fields.Many2one(
        'stock.production.lot', string='Lot / Serial',
        domain="[('product_id', '=', product_id)]")
    price_unit = fields.Float(
        string='Unit Price', digits=dp.get_precision('Product Price'),
        help='Charged on the repair quotation when the visit is out of warranty.')
    move_id = fields.Many2one('stock.move', string='Stock Move', readonly=True,
                              copy=False)
    sale_line_id = fields.Many2one('sale.order.line', string='Quotation Line',
                                   readonly=True, copy=False)
    done = fields.Boolean(string='Moved', compute='_compute_done')

    @api.depends('move_id.state')
    def _compute_done(self):
        for part in self:
            part.done = part.move_id.state == 'done'

    @api.constrains('product_uom_qty')
    def _check_product_uom_qty(self):
        for part in self:
            if part.product_uom_qty <= 0:
                raise ValidationError(
                    _('The quantity of part %s must be greater than zero.')
                    % part.product_id.display_name)

    @api.onchange('product_id')
    def _onchange_product_id(self):
        if self.product_id:
            self.price_unit = self.product_id.lst_price
            if self.lot_id.product_id != self.product_id:
                self.lot_id = False

    @api.model
    def create(self, vals):
        if 'price_unit' not in vals and vals.get('product_id'):
            vals['price_unit'] = self.env['product.product'].browse(
                vals['product_id']).lst_price
        part = super(EcoVisitPart, self).create(vals)
        if part.request_id.eco_parts_done:
            raise UserError(_('The parts of visit %s are already confirmed: '
                              'return or add parts with a stock transfer.')
                            % part.request_id.name)
        return part

    @api.multi
    def write(self, vals):
        if set(vals) & set(LOCKED_FIELDS) and self.filtered('move_id'):
            raise UserError(_('Parts already moved from stock cannot be changed.'))
        return super(EcoVisitPart, self).write(vals)

    @api.multi
    def unlink(self):
        if self.filtered('move_id'):
            raise UserError(_('Parts already moved from stock cannot be deleted.'))
        return super(EcoVisitPart, self).unlink()

    @api.multi
    def _eco_check_before_move(self, location):
        """A lot where the product is tracked, one serial per line, and enough
        stock in ``location`` (stockable products)."""
        Quant = self.env['stock.quant'].sudo()
        needed = {}
        for part in self:
            product = part.product_id
            if product.tracking != 'none' and not part.lot_id:
                raise UserError(_('Enter the lot / serial number of part %s.')
                                % product.display_name)
            if part.lot_id and part.lot_id.product_id != product:
                raise UserError(_('Lot %s is not a lot of part %s.') % (
                    part.lot_id.name, product.display_name))
            if product.tracking == 'serial' and part.product_uom_qty != 1.0:
                raise UserError(_('Part %s is tracked by serial number: enter one '
                                  'line per serial, quantity 1.')
                                % product.display_name)
            if product.type == 'product':
                key = (product, part.lot_id)
                needed[key] = needed.get(key, 0.0) + part.product_uom_qty
        for (product, lot), qty in needed.items():
            available = Quant._get_available_quantity(
                product, location, lot_id=lot or None)
            if available < qty:
                if lot:
                    raise UserError(_(
                        'Not enough stock of %s (lot %s) in %s: %s available, '
                        '%s used.') % (product.display_name, lot.name,
                                       location.display_name, available, qty))
                raise UserError(_(
                    'Not enough stock of %s in %s: %s available, %s used.') % (
                        product.display_name, location.display_name, available, qty))
        return True

    @api.multi
    def _eco_prepare_move(self, picking):
        self.ensure_one()
        return {
            'name': self.product_id.display_name,
            'product_id': self.product_id.id,
            'product_uom_qty': self.product_uom_qty,
            'product_uom': self.product_id.uom_id.id,
            'location_id': picking.location_id.id,
            'location_dest_id': picking.location_dest_id.id,
            'picking_id': picking.id,
            'picking_type_id': picking.picking_type_id.id,
            'partner_id': picking.partner_id.id,
            'origin': picking.origin,
            'company_id': picking.company_id.id,
            'sale_line_id': self.sale_line_id.id,
        }

    @api.multi
    def _eco_prepare_move_line(self, move):
        self.ensure_one()
        return {
            'move_id': move.id,
            'picking_id': move.picking_id.id,
            'product_id': self.product_id.id,
            'product_uom_id': self.product_id.uom_id.id,
            'location_id': move.location_id.id,
            'location_dest_id': move.location_dest_id.id,
            'lot_id': self.lot_id.id,
            'qty_done': self.product_uom_qty,
        }
