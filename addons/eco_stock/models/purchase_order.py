# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Purchasing only from qualified vendors (R6.1) and the link of a purchase
order to the customer order it was made for (procurement group)."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape


class PurchaseOrder(models.Model):
    _inherit = 'purchase.order'

    eco_qualification_override = fields.Boolean(
        string='Qualification Overridden', readonly=True, copy=False,
        track_visibility='onchange',
        help='A purchase manager allowed this order although the vendor is not '
             'qualified for all its product categories.')
    eco_override_reason = fields.Text(
        string='Override Reason', readonly=True, copy=False)
    eco_override_user_id = fields.Many2one(
        'res.users', string='Overridden By', readonly=True, copy=False)
    eco_sale_order_id = fields.Many2one(
        'sale.order', string='Customer Order', compute='_compute_eco_sale_order',
        store=True, index=True,
        help='The customer order whose procurement group this purchase was made for.')
    eco_supplier_state = fields.Selection(
        related='partner_id.commercial_partner_id.eco_supplier_state',
        string='Vendor Qualification', readonly=True)

    @api.depends('group_id.sale_id')
    def _compute_eco_sale_order(self):
        for order in self:
            order.eco_sale_order_id = order.group_id.sale_id

    @api.multi
    def _eco_supplier_block_reasons(self):
        """Translated reasons why the vendor may not supply this order."""
        self.ensure_one()
        if self.eco_qualification_override:
            return []
        vendor = self.partner_id.commercial_partner_id
        categories = self.order_line.mapped('product_id.categ_id').filtered(
            lambda c: c._eco_requires_qualified_vendor())
        reasons = self._eco_tender_block_reasons()
        if not categories:
            return reasons
        states = dict(vendor._fields['eco_supplier_state']._description_selection(
            self.env))
        if vendor.eco_supplier_state != 'qualified':
            return [_('Vendor %s is not qualified (%s).') % (
                vendor.name, states.get(vendor.eco_supplier_state))]
        missing = vendor._eco_unqualified_categories(categories)
        if missing:
            return [_('Vendor %s is not qualified for the product categories: %s.') % (
                vendor.name, ', '.join(missing.mapped('complete_name')))] + reasons
        return reasons

    @api.multi
    def _eco_tender_block_reasons(self):
        self.ensure_one()
        if self.requisition_id or not any(
                self.order_line.mapped('product_id.categ_id.eco_tender_required')):
            return []
        try:
            limit = float(self.env['ir.config_parameter'].sudo().get_param(
                'eco_stock.tender_amount', 200000))
        except (TypeError, ValueError):
            limit = 200000.0
        amount = self.currency_id.compute(self.amount_total,
                                          self.company_id.currency_id)
        if amount > limit:
            return [_('Equipment over %.2f must be bought through a call for '
                      'tenders.') % limit]
        return []

    @api.multi
    def button_confirm(self):
        reasons = []
        for order in self.filtered(lambda o: o.state in ('draft', 'sent')):
            reasons += ['%s: %s' % (order.name, reason)
                        for reason in order._eco_supplier_block_reasons()]
        if reasons:
            raise UserError(_('This purchase order cannot be confirmed:\n%s\n'
                              'A purchase manager may override it with a reason.')
                            % '\n'.join(reasons))
        return super(PurchaseOrder, self).button_confirm()

    @api.multi
    def _eco_override_qualification(self, reason):
        """A purchase manager allows one order despite the vendor's qualification."""
        if not self.env.user.has_group('purchase.group_purchase_manager'):
            raise AccessError(_('Only purchase managers may override the vendor '
                                'qualification.'))
        reason = (reason or '').strip()
        if not reason:
            raise UserError(_('Give the reason for the override.'))
        for order in self:
            if order.state not in ('draft', 'sent', 'to approve'):
                raise UserError(_('Purchase order %s is already confirmed.')
                                % order.name)
            order.write({
                'eco_qualification_override': True,
                'eco_override_reason': reason,
                'eco_override_user_id': self.env.uid,
            })
            order.message_post(
                body=_('Vendor qualification overridden by %s. Reason: %s') % (
                    html_escape(self.env.user.name), html_escape(reason)),
                subtype='mail.mt_note')
        return True

    @api.multi
    def action_eco_override(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Override Vendor Qualification'),
            'res_model': 'eco.purchase.override',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_purchase_id': self.id},
        }
