# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer-information protection (R7.2) on sale.order: orders follow the
classification of their customer (record rules in
``security/eco_order_protection_security.xml``); reads and exports of orders of
confidential or secret customers are logged."""
from odoo import api, fields, models

from .res_partner_protection import CLASSIFICATION_SELECTION, PROTECTED_LEVELS


class SaleOrder(models.Model):
    _name = 'sale.order'
    _inherit = ['sale.order', 'eco.access.log.mixin']

    # stored (with the customer's entity) so that the record rules of orders
    # and of every record of an order test columns of the order, not
    # sub-searches on partners
    eco_classification = fields.Selection(
        CLASSIFICATION_SELECTION, string='Customer Confidentiality',
        related='partner_id.eco_effective_classification', readonly=True,
        store=True, index=True)
    eco_commercial_partner_id = fields.Many2one(
        'res.partner', string='Customer Entity',
        related='partner_id.commercial_partner_id', readonly=True, store=True,
        index=True)

    @api.multi
    def _eco_access_log_entries(self):
        protected = self.sudo().with_context(active_test=False).search([
            ('id', 'in', self.ids),
            ('eco_classification', 'in', list(PROTECTED_LEVELS)),
        ])
        return [(order.partner_id.id, order.id) for order in protected]

    # The invoicing status follows the invoices, which accountants without
    # the confidential clearance validate and pay (R7.2): computed as
    # superuser, as they may not read the order itself.
    # (one compute method for the three fields: the same compute_sudo)
    invoice_status = fields.Selection(compute_sudo=True)
    invoice_ids = fields.Many2many(compute_sudo=True)
    invoice_count = fields.Integer(compute_sudo=True)


class SaleOrderLine(models.Model):
    _inherit = 'sale.order.line'

    # the order's, for the record rule of lines (see SaleOrder)
    eco_classification = fields.Selection(
        CLASSIFICATION_SELECTION, string='Customer Confidentiality',
        related='order_id.eco_classification', readonly=True, store=True,
        index=True)
    eco_commercial_partner_id = fields.Many2one(
        'res.partner', string='Customer Entity',
        related='order_id.eco_commercial_partner_id', readonly=True, store=True,
        index=True)

    # see SaleOrder.invoice_status: recomputed when an accountant validates,
    # pays or cancels an invoice of the line
    invoice_status = fields.Selection(compute_sudo=True)
    qty_to_invoice = fields.Float(compute_sudo=True)
    qty_invoiced = fields.Float(compute_sudo=True)
