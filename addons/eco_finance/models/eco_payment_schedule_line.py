# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Instalments of an order (R5.3), invoiced when their event happens: order
confirmation, delivery done, acceptance passed (eco_order's acceptance), warranty
end. Each instalment is a down-payment invoice made by sale's own wizard
(``sale.advance.payment.inv``, fixed amount, the instalment product); the amounts
are fixed at confirmation, the last instalment takes the rounding so that they sum
to the order total."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .eco_payment_schedule_template import EVENTS


class EcoPaymentScheduleLine(models.Model):
    _name = 'eco.payment.schedule.line'
    _description = 'Order Payment Instalment'
    _order = 'order_id, sequence, id'

    order_id = fields.Many2one('sale.order', required=True, ondelete='cascade',
                               index=True)
    company_id = fields.Many2one(related='order_id.company_id', store=True,
                                 readonly=True)
    currency_id = fields.Many2one(related='order_id.currency_id', readonly=True)
    user_id = fields.Many2one(related='order_id.user_id', store=True, readonly=True,
                              string='Salesperson')
    partner_id = fields.Many2one(related='order_id.partner_id', store=True,
                                 readonly=True, string='Customer')
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    event = fields.Selection(EVENTS, required=True)
    percent = fields.Float(string='Share (%)', required=True)
    amount = fields.Monetary(readonly=True)
    expected_date = fields.Date(
        help='When the event is expected (collection forecast).')
    state = fields.Selection([('pending', 'Pending'), ('invoiced', 'Invoiced')],
                             default='pending', required=True, readonly=True,
                             copy=False)
    invoice_id = fields.Many2one('account.invoice', readonly=True, copy=False)
    invoice_date = fields.Date(related='invoice_id.date_invoice', readonly=True)

    _sql_constraints = [
        ('percent_positive', 'CHECK(percent > 0 AND percent <= 100)',
         'An instalment is between 0 and 100 % of the order.'),
    ]

    @api.model
    def _eco_instalment_product(self):
        return self.env.ref('eco_finance.product_eco_instalment')

    @api.multi
    def _eco_compute_amounts(self):
        """Amounts of the instalments of each order: shares of its total, the last
        one takes the rounding."""
        for order in self.mapped('order_id'):
            lines = self.filtered(lambda l: l.order_id == order).sorted(
                lambda l: (l.sequence, l.id))
            currency = order.currency_id
            total = order.amount_total
            done = 0.0
            for line in lines[:-1]:
                amount = currency.round(total * line.percent / 100.0)
                line.amount = amount
                done += amount
            lines[-1:].write({'amount': currency.round(total - done)})

    @api.multi
    def _eco_invoice(self):
        """Invoice the pending instalments (open invoices); returns them."""
        invoices = self.env['account.invoice']
        product = self._eco_instalment_product()
        for line in self.filtered(lambda l: l.state == 'pending'):
            order = line.order_id
            if order.state not in ('sale', 'done'):
                raise UserError(_('Order %s is not confirmed: its instalments are '
                                  'not due.') % order.name)
            wizard = self.env['sale.advance.payment.inv'].with_context(
                active_model='sale.order', active_ids=order.ids,
                active_id=order.id).create({
                    'advance_payment_method': 'fixed', 'amount': line.amount,
                    'product_id': product.id})
            so_line = self.env['sale.order.line'].create({
                'name': _('%s (%s %%)') % (line.name, line.percent),
                'price_unit': line.amount, 'product_uom_qty': 0.0,
                'order_id': order.id, 'discount': 0.0,
                'product_uom': product.uom_id.id, 'product_id': product.id,
                'tax_id': [(6, 0, [])], 'is_downpayment': True,
            })
            invoice = wizard._create_invoice(order, so_line, line.amount)
            invoice.invoice_line_ids.write({'name': so_line.name})
            invoice.action_invoice_open()
            line.write({'state': 'invoiced', 'invoice_id': invoice.id})
            order.message_post(body=_('Instalment "%s" invoiced: %s, %.2f.') % (
                line.name, invoice.number, line.amount), subtype='mt_note')
            invoices |= invoice
        return invoices
