# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import html_escape


class EcoOrderReassign(models.TransientModel):
    """Managers re-assign an order to another team / project lead (R3.1)."""
    _name = 'eco.order.reassign'
    _description = 'Re-assign Order'

    order_id = fields.Many2one('sale.order', string='Order', required=True)
    project_lead_id = fields.Many2one('res.users', string='Project Lead', required=True)
    team_id = fields.Many2one('crm.team', string='Team')
    reason = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        res = super(EcoOrderReassign, self).default_get(fields_list)
        order = self.env['sale.order'].browse(res.get('order_id'))
        if order:
            res.setdefault('project_lead_id', order.eco_project_lead_id.id)
            res.setdefault('team_id', order.team_id.id)
        return res

    @api.multi
    def action_apply(self):
        self.ensure_one()
        if not self.env.user.has_group('eco_order.group_eco_order_manager'):
            raise AccessError(_('Only order managers can re-assign an order.'))
        order = self.order_id
        delay = order._eco_ack_delay()
        now = fields.Datetime.from_string(fields.Datetime.now())
        vals = {
            'eco_project_lead_id': self.project_lead_id.id,
            'team_id': self.team_id.id or order.team_id.id,
            'eco_allocation_date': fields.Datetime.to_string(now),
            'eco_allocation_state': 'manual',
        }
        if self.project_lead_id != order.eco_project_lead_id:
            vals.update(eco_ack_state='pending', eco_ack_date=False,
                        eco_ack_escalation_level=0,
                        eco_ack_deadline=fields.Datetime.to_string(
                            now + timedelta(hours=delay)))
        order.write(vals)
        order._eco_sync_milestone_users()
        order.message_post(
            body=_('Re-assigned to %s by %s: %s') % (
                html_escape(self.project_lead_id.name), html_escape(self.env.user.name),
                html_escape(self.reason or '')),
            partner_ids=self.project_lead_id.partner_id.ids, subtype='mail.mt_note')
        return {'type': 'ir.actions.act_window_close'}
