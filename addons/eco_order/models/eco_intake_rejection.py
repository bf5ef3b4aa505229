# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Incoming order mails that could not be processed: kept for staff (R2.1)."""
import base64

from odoo import _, api, fields, models


class EcoIntakeRejection(models.Model):
    _name = 'eco.intake.rejection'
    _inherit = ['mail.thread']
    _description = 'Rejected Incoming Order Mail'
    _order = 'received_date desc, id desc'
    _rec_name = 'subject'

    received_date = fields.Datetime(
        string='Received On', required=True, default=fields.Datetime.now,
        readonly=True)
    email_from = fields.Char(string='Sender', readonly=True)
    email_to = fields.Char(string='Recipients', readonly=True)
    subject = fields.Char(string='Subject', readonly=True)
    message_id = fields.Char(string='Message-Id', readonly=True)
    reason = fields.Text(string='Reason', readonly=True)
    raw_attachment_id = fields.Many2one(
        comodel_name='ir.attachment', string='Original Mail', readonly=True,
        ondelete='restrict')
    raw_datas = fields.Binary(
        related='raw_attachment_id.datas', string='Original Mail File', readonly=True)
    raw_fname = fields.Char(
        related='raw_attachment_id.datas_fname', string='File Name', readonly=True)
    order_id = fields.Many2one(
        comodel_name='sale.order', string='Order Created',
        help='Order created by hand from this mail.')
    state = fields.Selection(
        selection=[('new', 'New'), ('done', 'Done')], default='new', required=True,
        track_visibility='onchange')
    company_id = fields.Many2one(
        comodel_name='res.company', default=lambda self: self.env.user.company_id)

    @api.model
    def _eco_create_from_raw(self, raw, reason, email_from='', email_to='',
                             subject='', message_id=''):
        """Store an unprocessable mail ``raw`` (bytes) with its ``reason``."""
        def clean(value):
            return (value or '').replace('\x00', '')
        rejection = self.sudo().with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True,
            mail_notrack=True).create({
                'email_from': clean(email_from)[:256],
                'email_to': clean(email_to)[:512],
                'subject': clean(subject)[:512] or _('(no subject)'),
                'message_id': clean(message_id)[:512],
                'reason': clean(reason),
            })
        attachment = self.env['ir.attachment'].sudo().create({
            'name': 'original_email.eml',
            'datas_fname': 'original_email.eml',
            'datas': base64.b64encode(raw or b''),
            'mimetype': 'message/rfc822',
            'res_model': self._name,
            'res_id': rejection.id,
        })
        rejection.raw_attachment_id = attachment
        return rejection

    @api.multi
    def action_done(self):
        self.write({'state': 'done'})
        return True

    @api.multi
    def action_reset(self):
        self.write({'state': 'new'})
        return True
