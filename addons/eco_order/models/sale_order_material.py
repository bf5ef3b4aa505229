# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Material status of an order for staff (R7.1), from its pickings and purchase orders.

eco_order does not depend on stock or purchase: the status is read from them only when
they are installed (``sale_stock`` links pickings and the procurement group to the
order, ``purchase`` the purchase orders made for that group). The links live in two
hooks, ``_eco_material_pickings()`` and ``_eco_material_purchases()``, which eco_stock
may extend; the state and the summary are computed from what the hooks return, for
many orders at once with a constant number of queries. The hooks read as superuser and
are called only for the orders the current user may read, so order staff see the status
without stock or purchase rights.
"""
from odoo import _, api, fields, models
from odoo.osv import expression
from odoo.tools import float_compare, format_date, html_escape

MATERIAL_STATES = [
    ('none', 'No Material'),
    ('waiting', 'Waiting'),
    ('partial', 'Partially Available'),
    ('ready', 'Ready'),
    ('delivered', 'Delivered'),
]
# purchase orders that still have to be ordered, approved or confirmed
PURCHASE_OPEN_STATES = ('draft', 'sent', 'to approve')


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    eco_material_state = fields.Selection(
        MATERIAL_STATES, string='Material Status',
        compute='_compute_eco_material', groups='eco_order.group_eco_order_user',
        help='From the pickings and purchase orders of the order (when stock and '
             'purchase are installed): No Material: none; Waiting: nothing reserved '
             'yet or goods still to be purchased or received; Partially Available: '
             'part of the goods reserved; Ready: every open delivery fully reserved '
             'and nothing left to purchase; Delivered: every picking done.')
    eco_material_picking_count = fields.Integer(
        string='Open Pickings', compute='_compute_eco_material',
        groups='eco_order.group_eco_order_user',
        help='Pickings of the order neither done nor cancelled.')
    eco_material_purchase_count = fields.Integer(
        string='Open Purchase Orders', compute='_compute_eco_material',
        groups='eco_order.group_eco_order_user',
        help='Purchase orders for the order not yet confirmed or not fully received.')
    eco_material_summary = fields.Html(
        string='Material', compute='_compute_eco_material',
        groups='eco_order.group_eco_order_user')

    # ------------------------------------------------------------------ hooks
    @api.multi
    def _eco_material_pickings(self):
        """Pickings of each order: ``{order id: stock.picking recordset}`` (sudo, not
        cancelled), one search for all orders. Empty when stock/sale_stock is not
        installed. Extension point of eco_stock."""
        result = {order_id: False for order_id in self.ids}
        if 'stock.picking' not in self.env \
                or 'sale_id' not in self.env['stock.picking']._fields:
            return result
        pickings = self.env['stock.picking'].sudo().search(
            [('sale_id', 'in', self.ids), ('state', '!=', 'cancel')],
            order='scheduled_date, id')
        for picking in pickings:
            order_id = picking.sale_id.id
            result[order_id] = (result[order_id] or picking.browse()) | picking
        return result

    @api.multi
    def _eco_material_purchases(self):
        """Purchase orders of each order: ``{order id: purchase.order recordset}``
        (sudo, not cancelled), empty when purchase is not installed. A purchase order
        belongs to the order whose procurement group it was made for (procurement with
        group propagation, sale_stock's ``procurement_group_id``); only a purchase order
        without procurement group is matched by its source document (``origin``, a
        ", "-separated list of order names). Extension point of eco_stock."""
        result = {order_id: False for order_id in self.ids}
        if 'purchase.order' not in self.env:
            return result
        purchase_model = self.env['purchase.order'].sudo()
        orders = self.sudo()
        by_group = {}
        if 'procurement_group_id' in self._fields:
            by_group = {order.procurement_group_id.id: order.id
                        for order in orders if order.procurement_group_id}
        by_name = {order.name: order.id for order in orders if order.name}
        domains = []
        if by_group:
            domains.append([('group_id', 'in', list(by_group))])
        if by_name:
            domains.append(expression.AND([
                [('group_id', '=', False)],
                expression.OR([[('origin', 'ilike', name)] for name in by_name]),
            ]))
        if not domains:
            return result
        purchases = purchase_model.search(
            expression.AND([[('state', '!=', 'cancel')], expression.OR(domains)]),
            order='date_planned, id')
        for purchase in purchases:
            if purchase.group_id:
                order_ids = [by_group.get(purchase.group_id.id)]
            else:
                order_ids = [by_name.get(name.strip())
                             for name in (purchase.origin or '').split(',')]
            for order_id in filter(None, order_ids):
                result[order_id] = (result[order_id] or purchase.browse()) | purchase
        return result

    # ------------------------------------------------------------------ compute
    @api.multi
    def _compute_eco_material(self):
        empty = {'eco_material_state': 'none', 'eco_material_picking_count': 0,
                 'eco_material_purchase_count': 0, 'eco_material_summary': False}
        orders = self.filtered(lambda o: isinstance(o.id, int))
        for order in self - orders:
            order.update(empty)
        if not orders:
            return
        # The material data is read as superuser, hence only for orders the user may
        # read: staff without stock or purchase rights still see the status.
        if orders.check_access_rights('read', raise_exception=False):
            readable = orders.search([('id', 'in', orders.ids)])
        else:
            readable = orders.browse()
        for order in orders - readable:
            order.update(empty)
        if not readable:
            return
        pickings = readable._eco_material_pickings()
        purchases = readable._eco_material_purchases()
        readable._eco_material_prefetch(pickings, purchases)
        for order in readable:
            order_pickings = pickings.get(order.id) or False
            order_purchases = purchases.get(order.id) or False
            open_pickings = order._eco_material_open_pickings(order_pickings)
            open_purchases = order._eco_material_open_purchases(order_purchases)
            order.update({
                'eco_material_state': order._eco_material_state_of(
                    order_pickings, order_purchases, open_pickings, open_purchases),
                'eco_material_picking_count': len(open_pickings or []),
                'eco_material_purchase_count': len(open_purchases or []),
                'eco_material_summary': order._eco_material_summary_of(
                    order_pickings, order_purchases),
            })

    @api.model
    def _eco_material_prefetch(self, pickings, purchases):
        """Read everything the state and the summary need for all orders at once."""
        self._eco_material_read_all(
            pickings, ('picking_type_id.code', 'move_lines.state'))
        self._eco_material_read_all(
            purchases, ('partner_id.display_name', 'order_line.qty_received'))

    @api.model
    def _eco_material_read_all(self, records_by_order, paths):
        """Read ``paths`` of the records of every order in one go."""
        groups = [recs for recs in records_by_order.values() if recs]
        if groups:
            records = groups[0].browse([rec.id for recs in groups for rec in recs])
            for path in paths:
                records.mapped(path)

    @api.model
    def _eco_material_open_pickings(self, pickings):
        return pickings and pickings.filtered(
            lambda p: p.state not in ('done', 'cancel'))

    @api.model
    def _eco_material_open_purchases(self, purchases):
        """Purchase orders to be confirmed, or confirmed and not fully received."""
        if not purchases:
            return purchases
        precision = self.env['decimal.precision'].precision_get(
            'Product Unit of Measure')

        def is_open(purchase):
            if purchase.state in PURCHASE_OPEN_STATES:
                return True
            if purchase.state != 'purchase':
                return False
            return any(float_compare(line.qty_received, line.product_qty,
                                     precision_digits=precision) < 0
                       for line in purchase.order_line)
        return purchases.filtered(is_open)

    @api.model
    def _eco_material_state_of(self, pickings, purchases, open_pickings,
                               open_purchases):
        """Material state of one order from its (open) pickings and purchase orders.
        Receipts and purchase orders still open mean goods are still to come."""
        if not pickings and not purchases:
            return 'none'
        if not open_pickings and not open_purchases:
            if pickings and any(p.state == 'done' for p in pickings):
                return 'delivered'
            return 'ready'
        open_pickings = open_pickings or []
        incoming = [p for p in open_pickings if p.picking_type_id.code == 'incoming']
        moves = [move for p in open_pickings if p.picking_type_id.code != 'incoming'
                 for move in p.move_lines if move.state not in ('done', 'cancel')]
        if moves and not incoming and not open_purchases \
                and all(move.state == 'assigned' for move in moves):
            return 'ready'
        if any(move.state in ('assigned', 'partially_available') for move in moves):
            return 'partial'
        return 'waiting'

    @api.model
    def _eco_material_summary_of(self, pickings, purchases):
        """HTML table of one order's pickings and purchase orders for staff: reference,
        status and scheduled date of each (for a purchase order its order date), and
        for purchase orders the vendor and the expected arrival."""
        if not pickings and not purchases:
            return False
        rows = []
        if pickings:
            states = dict(pickings._fields['state']._description_selection(self.env))
            for picking in pickings:
                rows.append((
                    _('Picking'), picking.name, '', states.get(picking.state),
                    format_date(self.env, picking.scheduled_date), ''))
        if purchases:
            states = dict(purchases._fields['state']._description_selection(self.env))
            for purchase in purchases:
                rows.append((
                    _('Purchase Order'), purchase.name,
                    purchase.partner_id.display_name, states.get(purchase.state),
                    format_date(self.env, purchase.date_order),
                    format_date(self.env, purchase.date_planned)))
        head = (_('Document'), _('Reference'), _('Vendor'), _('Status'),
                _('Scheduled Date'), _('Expected Date'))
        html = ['<table class="table table-condensed o_eco_material_summary">'
                '<thead><tr>']
        html.extend('<th>%s</th>' % html_escape(title) for title in head)
        html.append('</tr></thead><tbody>')
        for row in rows:
            html.append('<tr>%s</tr>' % ''.join(
                '<td>%s</td>' % html_escape(value or '') for value in row))
        html.append('</tbody></table>')
        return ''.join(html)
