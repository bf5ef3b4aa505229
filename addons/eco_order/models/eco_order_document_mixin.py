# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Common base of the documents of an order that the customer answers on the portal
(change requests, acceptances)."""
import uuid

from odoo import api, fields, models


class EcoOrderDocumentMixin(models.AbstractModel):
    """A numbered document of an order, with chatter, activities and a portal page.

    The reference comes from the ``ir.sequence`` whose code is the model's name; the
    access token protects the portal links sent by mail. A model sets
    ``_eco_portal_path`` (e.g. ``'/my/acceptance/%s'``).
    """
    _name = 'eco.order.document.mixin'
    _description = 'Order Document'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'portal.mixin']
    _eco_portal_path = None

    name = fields.Char(
        string='Reference', required=True, copy=False, readonly=True, default='/')
    # auto_join: the confidentiality rules read the order's stored level
    # in a join, not in a sub-search returning every order's id
    order_id = fields.Many2one(
        'sale.order', string='Order', required=True, ondelete='cascade', index=True,
        readonly=True, states={'draft': [('readonly', False)]},
        auto_join=True)
    partner_id = fields.Many2one(
        related='order_id.partner_id', string='Customer', store=True, readonly=True)
    company_id = fields.Many2one(
        related='order_id.company_id', string='Company', store=True, readonly=True)
    access_token = fields.Char(
        copy=False, default=lambda self: str(uuid.uuid4()), groups='base.group_user')

    @api.multi
    def _compute_portal_url(self):
        for document in self:
            document.portal_url = self._eco_portal_path % document.id

    @api.model
    def create(self, vals):
        if vals.get('name', '/') == '/':
            vals['name'] = self.env['ir.sequence'].next_by_code(self._name) or '/'
        return super(EcoOrderDocumentMixin, self).create(vals)
