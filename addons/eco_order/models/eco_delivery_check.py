# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Delivery preparation check of one order: inspection, commissioning, documents
(R10.1)."""
from odoo import api, fields, models

from .eco_delivery_check_template import ECO_CHECK_KINDS


class EcoDeliveryCheck(models.Model):
    _name = 'eco.delivery.check'
    _inherit = 'eco.order.template.line.mixin'
    _description = 'Delivery Check'

    template_id = fields.Many2one(
        'eco.delivery.check.template', string='Template', ondelete='set null')
    name = fields.Char(string='Check', required=True)
    kind = fields.Selection(ECO_CHECK_KINDS, required=True, default='inspection')
    done = fields.Boolean(copy=False)
    done_by_id = fields.Many2one(
        'res.users', string='Done By', readonly=True, copy=False)
    done_date = fields.Datetime(readonly=True, copy=False)
    note = fields.Text()

    @api.model
    def create(self, vals):
        if vals.get('done'):
            vals.update(done_by_id=self.env.uid, done_date=fields.Datetime.now())
        return super(EcoDeliveryCheck, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'done' in vals:
            if vals['done']:
                vals.update(done_by_id=self.env.uid, done_date=fields.Datetime.now())
            else:
                vals.update(done_by_id=False, done_date=False)
        return super(EcoDeliveryCheck, self).write(vals)
