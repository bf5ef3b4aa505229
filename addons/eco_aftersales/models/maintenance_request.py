# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Maintenance visits at the customer's site (R11.1): technicians through
eco_stock's site job mixin (so eco_safety's gate applies), findings, parts,
visit report and the customer's sign-off."""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

PARTS_GROUPS = ('eco_aftersales.group_eco_service_user', 'stock.group_stock_user')


class MaintenanceRequest(models.Model):
    _name = 'maintenance.request'
    _inherit = ['maintenance.request', 'eco.site.job.mixin']

    eco_equipment_id = fields.Many2one(
        'eco.equipment', string='Serial', index=True, ondelete='set null')
    eco_commitment_id = fields.Many2one(
        'eco.service.commitment', string='Service Commitment', index=True,
        ondelete='set null')
    eco_partner_id = fields.Many2one('res.partner', string='Customer', index=True)
    eco_site_address = fields.Text(string='Site')
    eco_technician_ids = fields.Many2many(
        'hr.employee', 'maintenance_request_eco_technician_rel', 'request_id',
        'employee_id', string='Technicians', track_visibility='onchange')
    eco_checklist = fields.Text(
        string='Checklist',
        default=lambda self: _('Inspect the unit\nClean the filters\n'
                               'Check the dosing pumps\nRecord the readings'))
    eco_findings = fields.Text(string='Findings')
    eco_parts_used = fields.Text(
        string='Parts Remarks',
        help='Free remarks on the parts; the parts taken from stock are the part '
             'lines.')
    eco_part_ids = fields.One2many('eco.visit.part', 'request_id',
                                   string='Parts Used', copy=False)
    eco_warehouse_id = fields.Many2one(
        'stock.warehouse', string='Parts From',
        help="Warehouse the parts are taken from; empty: the warehouse of the "
             "equipment's order, else the company's first warehouse.")
    eco_picking_id = fields.Many2one('stock.picking', string='Parts Delivery',
                                     readonly=True, copy=False)
    eco_parts_done = fields.Boolean(string='Parts Confirmed', readonly=True,
                                    copy=False, track_visibility='onchange')
    eco_ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket',
                                    index=True, ondelete='set null')
    eco_chargeable = fields.Boolean(
        string='Chargeable', compute='_compute_eco_chargeable',
        help='The equipment is out of warranty on the visit date: the parts '
             'go on a repair quotation.')
    eco_quotation_id = fields.Many2one('sale.order', string='Repair Quotation',
                                       readonly=True, copy=False)
    eco_date_started = fields.Datetime(string='Started On', readonly=True,
                                       copy=False)
    eco_signed_by = fields.Char(string='Signed Off By', copy=False,
                                track_visibility='onchange')
    eco_signed_date = fields.Datetime(string='Signed Off On', readonly=True,
                                      copy=False)

    @api.depends('eco_equipment_id.warranty_end', 'schedule_date', 'request_date')
    def _compute_eco_chargeable(self):
        for visit in self:
            equipment = visit.eco_equipment_id
            visit.eco_chargeable = bool(
                equipment and not equipment._eco_is_under_warranty(
                    visit._eco_site_date()))

    @api.model
    def create(self, vals):
        request = super(MaintenanceRequest, self).create(vals)
        if vals.get('eco_technician_ids'):
            request._eco_check_technicians()
        return request

    @api.multi
    def write(self, vals):
        res = super(MaintenanceRequest, self).write(vals)
        if vals.get('eco_technician_ids'):
            self._eco_check_technicians()
        return res

    # site job mixin
    @api.multi
    def _eco_site_technicians(self):
        self.ensure_one()
        return self.eco_technician_ids

    @api.multi
    def _eco_site_date(self):
        self.ensure_one()
        if self.schedule_date:
            return self.schedule_date[:10]
        return self.request_date or fields.Date.context_today(self)

    @api.multi
    def _eco_site_product_categories(self):
        self.ensure_one()
        return self.eco_equipment_id.product_id.categ_id

    @api.multi
    def action_eco_start(self):
        """Start the visit: the technicians are checked (qualification gate)."""
        self._eco_check_technicians()
        stage = self.env.ref('maintenance.stage_1', raise_if_not_found=False)
        vals = {'eco_date_started': fields.Datetime.now()}
        if stage:
            vals['stage_id'] = stage.id
        self.write(vals)
        return True

    @api.multi
    def action_eco_sign_off(self):
        for visit in self:
            if not visit.eco_date_started:
                raise UserError(_('Visit %s has not started.') % visit.name)
            if not visit.eco_signed_by:
                raise UserError(_('Enter who signs off visit %s.') % visit.name)
        todo = self.filtered(
            lambda v: v.eco_part_ids.filtered(lambda p: not p.move_id))
        if todo:
            todo.action_eco_confirm_parts()
        stage = self.env.ref('maintenance.stage_3', raise_if_not_found=False)
        vals = {'eco_signed_date': fields.Datetime.now()}
        if stage:
            vals['stage_id'] = stage.id
        self.write(vals)
        return True

    @api.multi
    def action_eco_print_report(self):
        return self.env.ref(
            'eco_aftersales.action_report_eco_visit').report_action(self)

    # ------------------------------------------------------------------ parts
    @api.multi
    def _eco_check_parts_allowed(self):
        """Service staff and warehouse users confirm parts; the stock is then
        moved as superuser, after this check."""
        user = self.env.user
        if self.env.uid != SUPERUSER_ID and not any(
                user.has_group(group) for group in PARTS_GROUPS):
            raise AccessError(_('Only service staff and warehouse users may '
                                'confirm the parts used on a visit.'))
        self.check_access_rights('write')
        self.check_access_rule('write')
        self.mapped('eco_part_ids').check_access_rights('write')
        return True

    @api.multi
    def _eco_parts_warehouse(self):
        self.ensure_one()
        warehouse = self.eco_warehouse_id or \
            self.sudo().eco_equipment_id.order_id.warehouse_id
        if not warehouse:
            company = self.eco_equipment_id.company_id or self.env.user.company_id
            warehouse = self.env['stock.warehouse'].sudo().search(
                [('company_id', '=', company.id)], limit=1)
        if not warehouse:
            raise UserError(_('Choose the warehouse the parts of visit %s come from.')
                            % self.name)
        return warehouse

    @api.multi
    def _eco_parts_partner(self):
        self.ensure_one()
        partner = self.eco_partner_id or self.eco_equipment_id.partner_id
        if not partner:
            raise UserError(_('Set the customer of visit %s first.') % self.name)
        return partner

    @api.multi
    def action_eco_confirm_parts(self):
        """Move the visit's unconfirmed parts from the warehouse's stock to the
        customer (a delivery with the visit as origin, validated at once: the
        parts were fitted); on an out-of-warranty visit they are also put on the
        repair quotation, linked to the moves so they count as delivered."""
        self._eco_check_parts_allowed()
        for visit in self:
            parts = visit.eco_part_ids.filtered(lambda p: not p.move_id)
            if not parts:
                raise UserError(_('Visit %s has no parts to confirm.') % visit.name)
            warehouse = visit._eco_parts_warehouse()
            partner = visit._eco_parts_partner()
            parts._eco_check_before_move(warehouse.lot_stock_id)
            if visit.eco_chargeable:
                visit.sudo()._eco_parts_to_quotation(parts.sudo())
            picking = visit.sudo()._eco_parts_move(parts.sudo(), warehouse, partner)
            visit.sudo().write({'eco_picking_id': picking.id, 'eco_parts_done': True})
            visit.message_post(body=_('<p>Parts moved from stock: %s</p>') % (
                html_escape(picking.name)), subtype='mail.mt_note')
        return True

    @api.multi
    def _eco_parts_move(self, parts, warehouse, partner):
        self.ensure_one()
        picking_type = warehouse.out_type_id
        picking = self.env['stock.picking'].create({
            'picking_type_id': picking_type.id,
            'partner_id': partner.id,
            'origin': self.name,
            'location_id': warehouse.lot_stock_id.id,
            'location_dest_id': partner.property_stock_customer.id,
            'move_type': 'direct',
            'company_id': warehouse.company_id.id,
        })
        Move = self.env['stock.move']
        MoveLine = self.env['stock.move.line']
        for part in parts:
            move = Move.create(part._eco_prepare_move(picking))
            part.write({'move_id': move.id})
        picking.action_confirm()
        for part in parts:
            MoveLine.create(part._eco_prepare_move_line(part.move_id))
        picking.action_done()
        return picking

    @api.multi
    def _eco_parts_to_quotation(self, parts):
        """The repair quotation of the visit (or of its ticket) while it is a
        draft, else a new one; one line per part."""
        self.ensure_one()
        order = self.eco_quotation_id or self.eco_ticket_id.eco_quotation_id
        if order.state not in ('draft', 'sent'):
            order = self.env['sale.order'].create({
                'partner_id': self._eco_parts_partner().commercial_partner_id.id,
                'origin': self.name,
            })
        Line = self.env['sale.order.line']
        for part in parts:
            line = Line.create({
                'order_id': order.id,
                'product_id': part.product_id.id,
                'name': _('%s (visit %s)') % (part.product_id.display_name,
                                              self.name),
                'product_uom_qty': part.product_uom_qty,
                'product_uom': part.product_id.uom_id.id,
                'price_unit': part.price_unit,
            })
            line._compute_tax_id()
            part.write({'sale_line_id': line.id})
        self.write({'eco_quotation_id': order.id})
        return order
