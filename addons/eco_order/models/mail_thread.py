# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Safety net of the order mail intake: a mail to the order alias is never lost.

Routing reads every occurrence of each recipient header on its own: Odoo joins
repeated headers with a space (two ``Delivered-To`` lines of a forwarded mail become
one unparseable address) and ignores ``X-Original-To``.
"""
import copy
import email
import logging
import xmlrpc.client as xmlrpclib
from email.message import Message

from odoo import _, api, models, tools

_logger = logging.getLogger(__name__)

ORDER_MODEL = 'sale.order'
# recipient headers, in the order Odoo's routing reads them; X-Original-To (the
# envelope recipient some MTAs record instead of Delivered-To) is routed as one.
RECIPIENT_HEADERS = (
    'Delivered-To', 'To', 'Cc', 'Resent-To', 'Resent-Cc', 'X-Original-To')
# context key: partner id of the person acting in a step written through sudo(); the
# chatter notes and tracking values of that step are authored by them
ECO_AUTHOR_KEY = 'eco_author_id'


def eco_sudo_as_actor(records, partner=None):
    """``records.sudo()`` for a step the acting user was checked for: messages and
    tracking values it writes are authored by ``partner`` (default: the current
    user's contact), not by the superuser."""
    author_id = partner.id if partner else (
        records.env.context.get(ECO_AUTHOR_KEY) or records.env.user.partner_id.id)
    return records.sudo().with_context(**{ECO_AUTHOR_KEY: author_id})


class MailThread(models.AbstractModel):
    _inherit = 'mail.thread'

    @api.multi
    def _eco_context_author(self):
        """The contact acting in a sudo() step (see ``eco_sudo_as_actor``)."""
        author_id = self.env.context.get(ECO_AUTHOR_KEY)
        return self.env['res.partner'].sudo().browse(author_id).exists() \
            if author_id else self.env['res.partner']

    @api.multi
    def message_post(self, *args, **kwargs):
        if kwargs.get('author_id') is None:
            author = self._eco_context_author()
            if author:
                kwargs['author_id'] = author.id
                if not kwargs.get('email_from') and author.email:
                    kwargs['email_from'] = tools.formataddr((author.name, author.email))
        return super(MailThread, self).message_post(*args, **kwargs)

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
            if self._eco_names_order_alias(message):
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
    def _eco_recipient_values(self, message, header):
        """Decoded values of every occurrence of ``header``, one by one."""
        values = []
        for value in message.get_all(header, []):
            try:
                value = tools.decode_smtp_header(value)
            except Exception:  # pylint: disable=broad-except
                value = tools.ustr(value, errors='replace')
            if value and value.strip():
                values.append(value.strip())
        return values

    @api.model
    def _eco_recipient_localparts(self, message):
        """Lower-case local parts of all recipient addresses of ``message``."""
        return {
            address.split('@')[0].lower()
            for header in RECIPIENT_HEADERS
            for value in self._eco_recipient_values(message, header)
            for address in tools.email_split(value)}

    @api.model
    def _eco_names_order_alias(self, message):
        return bool(
            self._eco_recipient_localparts(message) & self._eco_order_alias_names())

    @api.model
    def _eco_is_bounce(self, message):
        """The tests of Odoo's bounce handling (step 0 of ``message_route``)."""
        if message.get_content_type() == 'multipart/report':
            return True
        email_from = tools.decode_message_header(message, 'From')
        from_localpart = (tools.email_split(email_from) or [''])[0].split('@', 1)[0]
        if from_localpart.lower() == 'mailer-daemon':
            return True
        bounce_alias = self.env['ir.config_parameter'].sudo().get_param(
            'mail.bounce.alias')
        email_to = tools.decode_message_header(message, 'To')
        to_localpart = (tools.email_split(email_to) or [''])[0].split('@', 1)[0]
        return bool(bounce_alias and bounce_alias in to_localpart.lower())

    @api.model
    def _eco_routing_message(self, message):
        """``message``, or a copy whose repeated recipient headers are joined into
        one address list (X-Original-To into Delivered-To), for Odoo's routing."""
        repeated = [
            header for header in RECIPIENT_HEADERS[:-1]
            if len(message.get_all(header, [])) > 1]
        original_to = self._eco_recipient_values(message, 'X-Original-To')
        if not repeated and not original_to:
            return message
        routed = copy.copy(message)
        if original_to and 'Delivered-To' not in repeated:
            repeated.append('Delivered-To')
        for header in repeated:
            values = self._eco_recipient_values(message, header)
            if header == 'Delivered-To':
                values += original_to
            # __delitem__ rebinds the header list: the original stays untouched
            del routed[header]
            routed[header] = ', '.join(values)
        return routed

    @api.model
    def message_route(self, message, message_dict, model=None, thread_id=None,
                      custom_values=None):
        if not isinstance(message, Message):  # Odoo raises its TypeError
            return super(MailThread, self).message_route(
                message, message_dict, model=model, thread_id=thread_id,
                custom_values=custom_values)
        routes = super(MailThread, self).message_route(
            self._eco_routing_message(message), message_dict, model=model,
            thread_id=thread_id, custom_values=custom_values)
        if not routes and not self._eco_is_bounce(message) \
                and self._eco_names_order_alias(message):
            # refused (e.g. sender not allowed by the alias, Odoo bounced it):
            # message_process keeps it as a logged rejection
            raise ValueError(_(
                'The mail is addressed to the order alias but no route accepted '
                'it (for example the alias does not accept this sender).'))
        return routes

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
