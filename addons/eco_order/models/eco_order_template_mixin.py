# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Templates copied into each order as its own lines: delivery checks (R10.1),
acceptance criteria (R10.3), later checklists.

A template model inherits ``eco.order.template.mixin`` (which order types and
company it applies to, order) and says in ``_eco_order_line_values(order)``
what its line copies; the line model inherits ``eco.order.template.line.mixin``
(order, company, sequence) and declares its ``template_id``. The order copies
the templates that apply with ``sale.order._eco_load_templates()``.
"""
from odoo import api, fields, models


class EcoOrderTemplateMixin(models.AbstractModel):
    _name = 'eco.order.template.mixin'
    _description = 'Order Template Mixin'
    _order = 'sequence, id'

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    order_type_id = fields.Many2one(
        'eco.order.type', string='Order Type', ondelete='cascade',
        help='Empty: applies to every order type.')
    company_id = fields.Many2one(
        'res.company', string='Company',
        default=lambda self: self.env['res.company']._company_default_get(
            self._name))

    @api.multi
    def _eco_order_line_values(self, order):
        """Values of the order line copied from this template."""
        self.ensure_one()
        return {
            'order_id': order.id,
            'template_id': self.id,
            'name': self.name,
            'sequence': self.sequence,
        }


class EcoOrderTemplateLineMixin(models.AbstractModel):
    _name = 'eco.order.template.line.mixin'
    _description = 'Order Line Copied from a Template Mixin'
    _order = 'order_id, sequence, id'

    # auto_join: the confidentiality rules read the order's stored level
    # in a join, not in a sub-search returning every order's id
    order_id = fields.Many2one(
        'sale.order', string='Order', required=True, ondelete='cascade', index=True,
        auto_join=True)
    company_id = fields.Many2one(
        related='order_id.company_id', string='Company', store=True, readonly=True)
    sequence = fields.Integer(default=10)
