# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

PARAM_TEAM = 'eco_order.default_team_id'
PARAM_ACK = 'eco_order.ack_delay_hours'
PARAM_GRACE = 'eco_order.escalation_grace_hours'


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    eco_default_team_id = fields.Many2one(
        'crm.team', string='Default Order Team',
        help='Orders that no allocation rule matches go to this team; its '
             'leader is asked to allocate them by hand.')
    eco_ack_delay_hours = fields.Float(
        string='Acknowledgement Delay (hours)', default=4.0,
        help='An allocated order not acknowledged within this delay is escalated.')
    eco_escalation_grace_hours = fields.Float(
        string='Escalation Grace (hours)', default=24.0,
        help='Hours after a missed deadline before the manager is notified.')

    @api.model
    def get_values(self):
        res = super(ResConfigSettings, self).get_values()
        params = self.env['ir.config_parameter'].sudo()
        team_id = int(params.get_param(PARAM_TEAM, 0) or 0)
        team = self.env['crm.team'].browse(team_id).exists()
        res.update(
            eco_default_team_id=team.id,
            eco_ack_delay_hours=float(params.get_param(PARAM_ACK, 4.0) or 0.0),
            eco_escalation_grace_hours=float(
                params.get_param(PARAM_GRACE, 24.0) or 0.0),
        )
        return res

    @api.multi
    def set_values(self):
        super(ResConfigSettings, self).set_values()
        params = self.env['ir.config_parameter'].sudo()
        params.set_param(PARAM_TEAM, self.eco_default_team_id.id or False)
        params.set_param(PARAM_ACK, self.eco_ack_delay_hours)
        params.set_param(PARAM_GRACE, self.eco_escalation_grace_hours)
