# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .sale_order import (DEFAULT_MAX_ATTACHMENT_MB, INTAKE_USER_PARAM,
                         MAX_ATTACHMENT_PARAM)


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    eco_order_alias_name = fields.Char(
        string='Order Alias', help='Mails sent to this alias create order requests.')
    eco_order_alias_domain = fields.Char(
        string='Alias Domain', compute='_compute_eco_order_alias_domain')
    eco_order_intake_user_id = fields.Many2one(
        comodel_name='res.users', string='Intake Responsible',
        help='Gets an activity to review each new request from email or the portal '
             '(default: the salesperson of the order).')
    eco_order_intake_max_attachment_mb = fields.Float(
        string='Max. Attachment Size (MB)',
        help='Attachments of incoming order mails above this size are not stored; '
             'the request is flagged incomplete.')
    eco_intake_review_phone = fields.Boolean(
        related='company_id.eco_intake_review_phone', string='Phone')
    eco_intake_review_email = fields.Boolean(
        related='company_id.eco_intake_review_email', string='Email')
    eco_intake_review_portal = fields.Boolean(
        related='company_id.eco_intake_review_portal', string='Online Platform')
    eco_intake_review_fax = fields.Boolean(
        related='company_id.eco_intake_review_fax', string='Fax')
    eco_intake_review_other = fields.Boolean(
        related='company_id.eco_intake_review_other', string='Other')
    eco_intake_review_system = fields.Boolean(
        related='company_id.eco_intake_review_system',
        string='Direct Sale / Other Application')
    eco_request_categ_ids = fields.Many2many(
        related='company_id.eco_request_categ_ids',
        string='Order Request Product Categories')

    def _compute_eco_order_alias_domain(self):
        domain = self.env['ir.config_parameter'].sudo().get_param(
            'mail.catchall.domain')
        for settings in self:
            settings.eco_order_alias_domain = domain

    @api.model
    def _eco_order_alias(self):
        return self.env.ref('eco_order.mail_alias_eco_orders', raise_if_not_found=False)

    @api.model
    def get_values(self):
        res = super(ResConfigSettings, self).get_values()
        params = self.env['ir.config_parameter'].sudo()
        alias = self._eco_order_alias()
        user_id = params.get_param(INTAKE_USER_PARAM)
        try:
            max_mb = float(params.get_param(
                MAX_ATTACHMENT_PARAM, DEFAULT_MAX_ATTACHMENT_MB))
        except ValueError:
            max_mb = DEFAULT_MAX_ATTACHMENT_MB
        res.update(
            eco_order_alias_name=alias.sudo().alias_name if alias else False,
            eco_order_intake_user_id=(
                int(user_id) if user_id and user_id.isdigit() else False),
            eco_order_intake_max_attachment_mb=max_mb,
        )
        return res

    @api.multi
    def set_values(self):
        super(ResConfigSettings, self).set_values()
        params = self.env['ir.config_parameter'].sudo()
        for settings in self:
            alias = settings._eco_order_alias()
            if alias and settings.eco_order_alias_name \
                    and alias.sudo().alias_name != settings.eco_order_alias_name:
                alias.sudo().write({'alias_name': settings.eco_order_alias_name})
            if settings.eco_order_intake_max_attachment_mb < 0:
                raise ValidationError(
                    _('The maximum attachment size cannot be negative.'))
            params.set_param(
                MAX_ATTACHMENT_PARAM, str(settings.eco_order_intake_max_attachment_mb
                                          or DEFAULT_MAX_ATTACHMENT_MB))
            user = settings.eco_order_intake_user_id
            params.set_param(INTAKE_USER_PARAM, str(user.id) if user else False)
        return True
