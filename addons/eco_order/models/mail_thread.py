# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Safety net of the order mail intake: a mail to the order alias is never lost."""
import email
import logging
import xmlrpc.client as xmlrpclib

from odoo import _, api, models, tools

_logger = logging.getLogger(__name__)

ORDER_MODEL = 'sale.order'


class MailThread(models.AbstractModel):
    _inherit = 'mail.thread'

    @api.model
    def _eco_order_alias_names(self):
        alias = self.env.ref(
            'eco_order.mail_alias_eco_orders', raise_if_not_found=False)
        names = set()
        if alias and alias.sudo().alias_name:
            names.add(alias.sudo().alias_name.lower())
        aliases = self.env['mail.alias'].sudo().search(
            [('alias_model_id.model', '=', ORDER_MODEL), ('alias_name', '!=', False)])
        names.update(a.alias_name.lower() for a in aliases)
        return names

    @api.model
    def _eco_is_order_mail(self, message, model=None, thread_id=None):
        """True when ``message`` (email.message.Message or None) is meant for orders."""
        if model == ORDER_MODEL:
            return True
        if message is None:
            return False
        try:
            recipients = ','.join(
                tools.decode_message_header(message, header)
                for header in (
                    'Delivered-To', 'To', 'Cc', 'Resent-To', 'X-Original-To'))
            localparts = {
                address.split('@')[0].lower()
                for address in tools.email_split(recipients)}
            if localparts & self._eco_order_alias_names():
                return True
            references = ' '.join(filter(None, [
                tools.decode_message_header(message, 'In-Reply-To'),
                tools.decode_message_header(message, 'References')])).split()
            if references and self.env['mail.message'].sudo().search_count([
                    ('message_id', 'in', references), ('model', '=', ORDER_MODEL)]):
                return True
        except Exception:  # pylint: disable=broad-except
            _logger.exception('Order intake: could not inspect a failed mail')
        return False

    @api.model
    def message_process(self, model, message, custom_values=None,
                        save_original=False, strip_attachments=False,
                        thread_id=None):
        raw = message
        if isinstance(raw, xmlrpclib.Binary):
            raw = bytes(raw.data)
        if isinstance(raw, str):
            raw = raw.encode('utf-8')
        try:
            with self.env.cr.savepoint():
                return super(MailThread, self).message_process(
                    model, raw, custom_values=custom_values,
                    save_original=save_original, strip_attachments=strip_attachments,
                    thread_id=thread_id)
        except Exception as error:  # pylint: disable=broad-except
            self.env.clear()
            try:
                parsed = email.message_from_bytes(raw)
            except Exception:  # pylint: disable=broad-except
                parsed = None
            if not self._eco_is_order_mail(parsed, model=model, thread_id=thread_id):
                raise
            _logger.warning('Order intake: incoming mail rejected and kept: %s', error)
            self._eco_store_rejected_mail(raw, parsed, error)
            return False

    @api.model
    def _eco_store_rejected_mail(self, raw, parsed, error):
        def header(name):
            if parsed is None:
                return ''
            try:
                return tools.decode_message_header(parsed, name)
            except Exception:  # pylint: disable=broad-except
                return tools.ustr(parsed.get(name, ''), errors='replace')
        reason = _('The mail could not be processed into an order request: %s') % (
            tools.ustr(error, errors='replace'))
        return self.env['eco.intake.rejection']._eco_create_from_raw(
            raw, reason, email_from=header('From'), email_to=header('To'),
            subject=header('Subject'), message_id=header('Message-Id'))
