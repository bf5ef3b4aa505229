# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Agreed delivery date and method of an order; changes need the customer's consent
(R10.2)."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

ECO_DELIVERY_METHODS = [
    ('site', 'Delivery to site'),
    ('pickup', 'Customer pickup'),
    ('carrier', 'Carrier'),
]
# Fields of the delivery agreement: once the order is confirmed they only change through
# an approved eco.order.change.request (which writes with the context key below).
ECO_AGREEMENT_FIELDS = ('eco_delivery_date', 'eco_delivery_method')
ECO_CHANGE_APPLY_KEY = 'eco_change_request_apply'


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    eco_delivery_date = fields.Date(
        string='Agreed Delivery Date', copy=False, track_visibility='onchange',
        help='Delivery date agreed with the customer. Initialised from the required '
             'delivery date on confirmation; afterwards it only changes through a '
             'change request the other party approved.')
    eco_delivery_method = fields.Selection(
        ECO_DELIVERY_METHODS, string='Delivery Method', default='site',
        track_visibility='onchange',
        help='Agreed delivery method. After confirmation it only changes through an '
             'approved change request.')
    eco_change_request_ids = fields.One2many(
        'eco.order.change.request', 'order_id', string='Change Requests',
        groups='eco_order.group_eco_order_user')
    eco_change_request_count = fields.Integer(
        compute='_compute_eco_change_request_count', string='# Change Requests',
        groups='eco_order.group_eco_order_user')

    @api.multi
    def _compute_eco_change_request_count(self):
        data = self.env['eco.order.change.request'].read_group(
            [('order_id', 'in', self.ids)], ['order_id'], ['order_id'])
        counts = {row['order_id'][0]: row['order_id_count'] for row in data}
        for order in self:
            order.eco_change_request_count = counts.get(order.id, 0)

    @api.multi
    def _eco_is_agreement_locked(self):
        """Whether the delivery agreement of the order is binding (order confirmed)."""
        self.ensure_one()
        return self.state in ('sale', 'done')

    @api.multi
    def _eco_change_min_date(self):
        """Earliest delivery date a change request may propose (date string): today
        in the user's time zone, and never before the order date."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        order_day = self.date_order and fields.Date.to_string(
            fields.Datetime.context_timestamp(
                self, fields.Datetime.from_string(self.date_order)))
        return max(today, order_day or today)

    @api.multi
    def write(self, vals):
        changed = [name for name in ECO_AGREEMENT_FIELDS if name in vals]
        if changed and not self.env.context.get(ECO_CHANGE_APPLY_KEY):
            for order in self:
                if not order._eco_is_agreement_locked():
                    continue
                if any(order[name] != vals[name] for name in changed):
                    raise UserError(_(
                        'Order %s is confirmed: its delivery date and delivery method '
                        'can only be changed through a change request approved by the '
                        'other party (customer consent).') % order.name)
        return super(SaleOrder, self).write(vals)

    @api.multi
    def _eco_init_delivery_agreement(self):
        """Set the agreed delivery date from the required date when still empty
        (confirmation step, called by action_confirm in sale_order.py)."""
        for order in self.filtered(lambda o: not o.eco_delivery_date):
            required = ('intake_required_date' in order._fields
                        and order.intake_required_date)
            if required:
                # the first agreed date, not a change: no tracking line of its own
                # (the confirmation is tracked); later changes are tracked
                order.with_context(
                    mail_notrack=True, **{ECO_CHANGE_APPLY_KEY: True}
                ).write({'eco_delivery_date': required})

    @api.multi
    def action_eco_view_change_requests(self):
        self.ensure_one()
        action = self.env.ref('eco_order.eco_order_change_request_action').read()[0]
        action['domain'] = [('order_id', '=', self.id)]
        action['context'] = {'default_order_id': self.id}
        return action
