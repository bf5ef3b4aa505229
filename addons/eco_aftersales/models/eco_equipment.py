# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Warranty of each serial in the equipment register from its commitment (R11.1)."""
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class EcoEquipment(models.Model):
    _inherit = 'eco.equipment'

    eco_commitment_id = fields.Many2one(
        'eco.service.commitment', string='Service Commitment', index=True,
        ondelete='set null', track_visibility='onchange')
    eco_maintenance_equipment_id = fields.Many2one(
        'maintenance.equipment', string='Maintenance Equipment', copy=False,
        ondelete='set null')
    eco_warranty_days_left = fields.Integer(
        string='Warranty Days Left', compute='_compute_eco_warranty_days_left')
    eco_under_warranty = fields.Boolean(
        string='Under Warranty', compute='_compute_eco_warranty_days_left',
        search='_search_eco_under_warranty')
    eco_ticket_ids = fields.One2many(
        'helpdesk.ticket', 'eco_equipment_id', string='Tickets')

    @api.depends('warranty_start', 'warranty_months', 'installation_date',
                 'eco_commitment_id.warranty_basis',
                 'eco_commitment_id.warranty_months',
                 'eco_commitment_id.order_id.eco_acceptance_date')
    def _compute_warranty_end(self):
        """The commitment's terms when there is one (from acceptance or this
        serial's commissioning), else eco_stock's own start and months."""
        for equipment in self:
            commitment = equipment.eco_commitment_id
            if commitment:
                start = commitment._eco_warranty_start(equipment)
                months = commitment.warranty_months
            else:
                start, months = equipment.warranty_start, equipment.warranty_months
            equipment.warranty_end = start and fields.Date.to_string(
                fields.Date.from_string(start) + relativedelta(months=months))

    @api.depends('warranty_end')
    def _compute_eco_warranty_days_left(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        for equipment in self:
            if equipment.warranty_end:
                left = (fields.Date.from_string(equipment.warranty_end) - today).days
                equipment.eco_warranty_days_left = max(left, 0)
                equipment.eco_under_warranty = left >= 0
            else:
                equipment.eco_warranty_days_left = 0
                equipment.eco_under_warranty = False

    @api.model
    def _search_eco_under_warranty(self, operator, value):
        today = fields.Date.context_today(self)
        positive = (operator == '=') == bool(value)
        if positive:
            return [('warranty_end', '>=', today)]
        return ['|', ('warranty_end', '=', False), ('warranty_end', '<', today)]

    @api.multi
    def _eco_is_under_warranty(self, date):
        """Whether the serial is under warranty on ``date`` (a date string)."""
        self.ensure_one()
        return bool(self.warranty_end and self.warranty_end >= date)

    @api.multi
    def _eco_maintenance_equipment(self):
        """The maintenance.equipment record of this serial (created once)."""
        self.ensure_one()
        if not self.eco_maintenance_equipment_id:
            self.eco_maintenance_equipment_id = self.env[
                'maintenance.equipment'].sudo().create({
                    'name': '%s (%s)' % (self.product_id.name, self.name),
                    'serial_no': self.name,
                    'note': self.site_address,
                })
        return self.eco_maintenance_equipment_id
