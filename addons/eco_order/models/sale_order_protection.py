# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer-information protection (R7.2) on sale.order: orders follow the
classification of their customer (record rules in
``security/eco_order_protection_security.xml``); reads and exports of orders of
confidential or secret customers are logged."""
from odoo import SUPERUSER_ID, api, fields, models

from .res_partner_protection import (
    CLASSIFICATION_SELECTION, PROTECTED_LEVELS, UNLOGGED_READ_FIELDS)


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    eco_classification = fields.Selection(
        CLASSIFICATION_SELECTION, string='Customer Confidentiality',
        related='partner_id.eco_effective_classification', readonly=True)

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        result = super(SaleOrder, self).read(fields=fields, load=load)
        # the ORM's own field prefetching reads with load='_classic_write':
        # only reads asked for by a client or a report (default load) count
        if load == '_classic_read' and (
                fields is None or set(fields) - UNLOGGED_READ_FIELDS):
            self._eco_log_access('read')
        return result

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        result = super(SaleOrder, self).export_data(
            fields_to_export, raw_data=raw_data)
        self._eco_log_access('export')
        return result

    @api.multi
    def _eco_log_access(self, action):
        """Log ``action`` on the orders of ``self`` whose customer is
        confidential or secret (one SELECT, plus one INSERT if any)."""
        if (not self.ids or self.env.uid == SUPERUSER_ID
                or self.env.context.get('eco_no_access_log')):
            return
        protected = self.sudo().with_context(active_test=False).search([
            ('id', 'in', self.ids),
            ('partner_id.eco_effective_classification', 'in', list(PROTECTED_LEVELS)),
        ])
        if protected:
            self.env['eco.partner.access.log']._log_access(
                action, self._name,
                [(order.partner_id.id, order.id) for order in protected])
