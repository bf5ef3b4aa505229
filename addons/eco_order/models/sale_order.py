# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Order intake on sale.order: channels, response time, mail gateway and review
(R2.1, R2.2)."""
import logging
from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError

_logger = logging.getLogger(__name__)

INTAKE_CHANNELS = [
    ('phone', 'Phone'),
    ('email', 'Email'),
    ('portal', 'Online Platform'),
    ('fax', 'Fax'),
    ('other', 'Other'),
    ('website', 'Online Shop'),
    ('system', 'Direct Sale / Other Application'),
]
# Channel of orders created without an intake context: Odoo's own Sales menus, other
# modules, imports, tests. The intake entry points set theirs explicitly: the Order
# Requests menu (phone by default, staff pick the channel), the mail gateway, the
# portal request form and the online shop.
DEFAULT_INTAKE_CHANNEL = 'system'
# Shop orders: the shop collected the data, their intake passes at checkout.
WEBSITE_CHANNEL = 'website'
INTAKE_STATES = [
    ('new', 'New'),
    ('review', 'In Review'),
    ('clarification', 'Clarification'),
    ('accepted', 'Accepted'),
    ('rejected', 'Rejected'),
]
MAX_ATTACHMENT_PARAM = 'eco_order.intake_max_attachment_mb'
INTAKE_USER_PARAM = 'eco_order.intake_user_id'
DEFAULT_MAX_ATTACHMENT_MB = 10.0


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    intake_channel = fields.Selection(
        selection=INTAKE_CHANNELS, string='Intake Channel', required=True,
        default=DEFAULT_INTAKE_CHANNEL, track_visibility='onchange', index=True,
        help='Channel through which the customer sent the order request. Orders '
             'created outside the intake (Sales menus, other applications, imports) '
             'get "Direct Sale / Other Application"; Settings > Sales > Order Intake '
             'says which channels need the intake review.')
    intake_received_date = fields.Datetime(
        string='Received On', default=fields.Datetime.now, copy=False,
        help='Date and time the request was received.')
    intake_received_by_id = fields.Many2one(
        comodel_name='res.users', string='Received By',
        default=lambda self: self.env.uid, copy=False,
        help='Staff member who received the request.')
    intake_first_response_date = fields.Datetime(
        string='First Response On', copy=False, readonly=True,
        help='First message or acknowledgement sent to the customer.')
    intake_ack_sent_date = fields.Datetime(
        string='Acknowledgement Sent On', copy=False, readonly=True,
        help='When the acknowledgement of receipt was sent to the customer.')
    intake_ack_sent_by_id = fields.Many2one(
        comodel_name='res.users', string='Acknowledgement Sent By', copy=False,
        readonly=True)
    intake_response_hours = fields.Float(
        string='Response Time (Hours)', compute='_compute_intake_response_hours',
        store=True, group_operator='avg', digits=(16, 2),
        help='Hours from receipt of the request to the first response.')
    intake_state = fields.Selection(
        selection=INTAKE_STATES, string='Intake State', default='new',
        required=True, copy=False, index=True, track_visibility='onchange',
        group_expand='_eco_expand_intake_states')
    intake_reject_reason = fields.Text(string='Rejection Reason', copy=False)
    intake_accepted_date = fields.Datetime(
        string='Accepted On', copy=False, readonly=True)
    intake_required_date = fields.Date(string='Required Delivery Date')
    intake_site_address = fields.Text(
        string='Site Address', help='Address of the site to deliver or install to.')
    intake_contact_name = fields.Char(string='Contact Person')
    intake_contact_phone = fields.Char(string='Contact Phone')
    intake_standard_ids = fields.Many2many(
        comodel_name='eco.environmental.standard',
        relation='sale_order_eco_standard_rel', column1='order_id',
        column2='standard_id', string='Environmental Standards')
    intake_standard_note = fields.Text(
        string='Other Standards', help='Standards given as free text.')
    intake_note = fields.Text(string='Intake Notes')
    intake_email_subject = fields.Char(
        string='Email Subject', copy=False, readonly=True)
    intake_incomplete = fields.Boolean(
        string='Flagged Incomplete', copy=False,
        help='Set by the intake when the request arrived incomplete or damaged.')
    intake_incomplete_reason = fields.Text(
        string='Incomplete Because', copy=False)
    intake_missing_codes = fields.Text(
        string='Missing Information (Codes)', compute='_compute_intake_missing',
        store=True,
        help='Codes of the items the review still misses, one per line (labels: '
             'Missing Information, in the reader\'s language).')
    intake_missing = fields.Text(
        string='Missing Information', compute='_compute_intake_missing_labels',
        context_dependent=True,
        help='Items the review still misses, one per line.')
    intake_is_complete = fields.Boolean(
        string='Complete', compute='_compute_intake_missing', store=True)
    intake_attachment_count = fields.Integer(
        string='Attachments', compute='_compute_intake_attachment_count')

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends('intake_received_date', 'intake_first_response_date')
    def _compute_intake_response_hours(self):
        for order in self:
            if order.intake_received_date and order.intake_first_response_date:
                start = fields.Datetime.from_string(order.intake_received_date)
                end = fields.Datetime.from_string(order.intake_first_response_date)
                seconds = max((end - start).total_seconds(), 0.0)
                order.intake_response_hours = round(seconds / 3600.0, 2)
            else:
                order.intake_response_hours = 0.0

    def _eco_attachment_counts(self):
        ids = self.filtered('id').ids
        if not ids:
            return {}
        groups = self.env['ir.attachment'].sudo().read_group(
            [('res_model', '=', 'sale.order'), ('res_id', 'in', ids)],
            ['res_id'], ['res_id'])
        return {g['res_id']: g['res_id_count'] for g in groups}

    def _compute_intake_attachment_count(self):
        counts = self._eco_attachment_counts()
        for order in self:
            order.intake_attachment_count = counts.get(order.id, 0)

    @api.depends(
        'partner_id', 'partner_id.name', 'partner_id.email', 'partner_id.phone',
        'partner_id.mobile', 'partner_id.street', 'partner_id.city',
        'intake_contact_name', 'intake_contact_phone', 'intake_site_address',
        'intake_required_date', 'intake_channel',
        'order_line', 'order_line.sequence', 'order_line.eco_specification',
        'order_line.product_uom_qty', 'order_line.product_id',
        'order_line.product_id.description_sale')
    def _compute_intake_missing(self):
        counts = self._eco_attachment_counts()
        for order in self:
            codes = order._eco_intake_missing_codes(counts.get(order.id, 0))
            order.intake_missing_codes = '\n'.join(codes) or False
            order.intake_is_complete = not codes

    @api.depends('intake_missing_codes')
    def _compute_intake_missing_labels(self):
        for order in self:
            labels = order._eco_intake_missing_render(
                (order.intake_missing_codes or '').splitlines())
            order.intake_missing = '\n'.join(labels) or False

    def _eco_intake_missing_codes(self, attachment_count):
        """Codes (language-neutral) of what the request still misses; a line's
        code names its position: ``line_spec:2``."""
        self.ensure_one()
        codes = []
        partner = self.partner_id
        if not (partner.name or '').strip():
            codes.append('customer_name')
        if not (self.intake_contact_name or partner.email or partner.phone
                or partner.mobile):
            codes.append('contact_person')
        if not (self.intake_contact_phone or partner.phone or partner.mobile):
            codes.append('contact_phone')
        if not (self.intake_site_address or (partner.street and partner.city)):
            codes.append('address')
        if not self.order_line:
            codes.append('order_lines')
        for index, line in enumerate(self.order_line, 1):
            if not (line.eco_specification or line.product_id.description_sale):
                codes.append('line_spec:%d' % index)
            if line.product_uom_qty <= 0:
                codes.append('line_qty:%d' % index)
        if not self.intake_required_date:
            codes.append('required_date')
        if self.intake_channel == 'fax' and not attachment_count:
            codes.append('fax_scan')
        return codes

    def _eco_intake_missing_labels(self):
        """Labels of the item codes, in the language of the environment."""
        return {
            'customer_name': _('Customer name'),
            'contact_person': _('Contact person'),
            'contact_phone': _('Contact phone'),
            'address': _('Address'),
            'order_lines': _('At least one service item or product'),
            'line_spec': _('Line %s (%s): specification'),
            'line_qty': _('Line %s (%s): quantity'),
            'required_date': _('Required delivery date'),
            'fax_scan': _('Fax or scan attached to the order'),
        }

    def _eco_intake_missing_render(self, codes):
        """Translated labels of ``codes`` for the reader (env language)."""
        self.ensure_one()
        labels = self._eco_intake_missing_labels()
        lines = list(self.order_line)
        result = []
        for code in codes:
            key, _sep, arg = code.partition(':')
            label = labels.get(key)
            if label is None:
                result.append(code)
            elif arg:
                index = int(arg) if arg.isdigit() else 0
                line = lines[index - 1] if 0 < index <= len(lines) else None
                name = line and (line.product_id.display_name or line.name) or ''
                result.append(label % (index, name))
            else:
                result.append(label)
        return result

    def _eco_intake_missing_items(self, attachment_count):
        """Return the translated labels of what the request still misses."""
        self.ensure_one()
        return self._eco_intake_missing_render(
            self._eco_intake_missing_codes(attachment_count))

    @api.multi
    def _eco_intake_refresh_missing(self):
        """Recompute the stored completeness (attachments are no dependency)."""
        orders = self.exists()
        if orders:
            orders.invalidate_cache(
                ['intake_missing_codes', 'intake_missing', 'intake_is_complete'],
                orders.ids)
            self.env.add_todo(self._fields['intake_missing_codes'], orders)
            orders.recompute()

    # ------------------------------------------------------------------
    # CRUD and confirmation
    # ------------------------------------------------------------------
    @api.multi
    def copy(self, default=None):
        """A duplicate (or an order created from another one by copy) is a new
        request: it keeps the channel and the request data, starts its own intake
        (state New, received now by the current user) and needs its own review
        when its channel does. A copy of a shop order is no checkout: it becomes a
        request keyed in by staff (channel Other)."""
        self.ensure_one()
        default = dict(default or {})
        if 'intake_channel' not in default and self.intake_channel == WEBSITE_CHANNEL:
            default['intake_channel'] = 'other'
        return super(SaleOrder, self).copy(default=default)

    @api.multi
    def action_confirm(self):
        """The one action_confirm override of eco_order: the gate, Odoo's
        confirmation, then eco_order's confirmation steps."""
        self._eco_check_confirm_allowed()
        res = super(SaleOrder, self).action_confirm()
        self._eco_init_delivery_agreement()
        self._eco_confirm_load_checklists()
        return res

    # ------------------------------------------------------------------
    # gates: one place that says why an order can't go to the customer
    # ------------------------------------------------------------------
    eco_intake_review_needed = fields.Boolean(
        string='Intake Review Needed', compute='_compute_eco_gates',
        help='The company requires the intake review for this order\'s channel.')
    eco_send_blocked = fields.Boolean(
        string='Cannot Be Sent', compute='_compute_eco_gates')
    eco_confirm_blocked = fields.Boolean(
        string='Cannot Be Confirmed', compute='_compute_eco_gates')
    eco_block_message = fields.Text(
        string='Why Blocked', compute='_compute_eco_gates')
    eco_in_intake = fields.Boolean(
        string='In Intake', compute='_compute_eco_gates',
        help='The request is still in the intake review (not a quotation yet): the '
             'form shows the intake status bar and the intake buttons only.')

    @api.depends('intake_channel', 'intake_state', 'state', 'company_id')
    def _compute_eco_gates(self):
        for order in self:
            if order.state not in ('draft', 'sent'):
                order.eco_intake_review_needed = False
                order.eco_send_blocked = order.eco_confirm_blocked = False
                order.eco_block_message = False
                order.eco_in_intake = False
                continue
            send = order._eco_send_block_reasons()
            confirm = order._eco_confirm_block_reasons()
            order.eco_intake_review_needed = order._eco_intake_required()
            order.eco_send_blocked = bool(send)
            order.eco_confirm_blocked = bool(confirm)
            order.eco_in_intake = order._eco_is_in_intake()
            reasons = []
            for reason in send + confirm:
                if reason not in reasons:
                    reasons.append(reason)
            order.eco_block_message = '\n'.join(reasons) or False

    @api.multi
    def _eco_intake_required(self):
        """Whether this order must pass the intake review (overridable): its
        channel is one the company's settings list as needing review (default:
        phone, email, portal, fax, other; never the online shop, whose intake
        passes at checkout)."""
        self.ensure_one()
        if self.intake_channel == WEBSITE_CHANNEL:
            return False
        company = self.company_id or self.env.user.company_id
        return self.intake_channel in company.sudo()._eco_intake_review_channels()

    @api.multi
    def _eco_is_in_intake(self):
        """Whether the order is still a request in the intake review: a draft
        whose channel needs the review and whose review is not accepted (the
        quotation and order steps, and their buttons, come after)."""
        self.ensure_one()
        return (self.state == 'draft' and self.intake_state != 'accepted'
                and self._eco_intake_required())

    @api.model
    def _eco_expand_intake_states(self, values, domain, order):
        """Kanban columns of the intake: every state, in process order (New, In
        Review, Clarification, Accepted, Rejected), not alphabetically."""
        return [key for key, dummy in INTAKE_STATES]

    @api.multi
    def _eco_portal_show_prices(self):
        """Whether the portal shows this order's prices: only once a quotation was
        sent (before, the customer sees the request: items, quantities,
        specification and dates)."""
        self.ensure_one()
        return self.state in ('sent', 'sale', 'done')

    @api.multi
    def _eco_intake_pass_checkout(self):
        """The online shop collected the customer's data: the intake of shop
        orders counts as passed at checkout (logged in the chatter)."""
        now = fields.Datetime.now()
        for order in self.filtered(
                lambda o: o.intake_channel == WEBSITE_CHANNEL
                and o.intake_state != 'accepted'):
            order.sudo().write({
                'intake_state': 'accepted',
                'intake_accepted_date': now,
            })
            order.sudo().message_post(
                body=_('Intake passed at checkout: the online shop collected the '
                       'customer\'s data.'),
                subtype='mail.mt_note')
        return True

    @api.multi
    def _eco_send_block_reasons(self):
        """Reasons (translated texts) why this quotation can't be sent, printed or
        shared with the customer, nor confirmed, right now. Add-ons extend it with
        super(); an empty list means no objection."""
        self.ensure_one()
        reasons = []
        # a sent quotation passed this gate when it was sent: its portal signature
        # never fails on the intake
        if self.state == 'draft' and self._eco_intake_required() \
                and self.intake_state != 'accepted':
            reasons.append(_(
                'The intake review has not been passed (intake state must be '
                '"Accepted").'))
        return reasons

    @api.multi
    def _eco_confirm_block_reasons(self):
        """Reasons why this order can't be confirmed; by default the send
        reasons. Add-ons extend it for confirmation-only gates (credit hold)."""
        self.ensure_one()
        return self._eco_send_block_reasons()

    @api.multi
    def _eco_check_send_allowed(self):
        """Raise a UserError naming every quotation that can't go to the customer."""
        messages = []
        for order in self:
            reasons = order._eco_send_block_reasons()
            if reasons:
                messages.append('%s: %s' % (order.name, ' '.join(reasons)))
        if messages:
            raise UserError(_('These quotations cannot be sent to the customer:\n%s')
                            % '\n'.join(messages))

    @api.multi
    def action_quotation_send(self):
        self._eco_check_send_allowed()
        return super(SaleOrder, self).action_quotation_send()

    @api.multi
    def print_quotation(self):
        self._eco_check_send_allowed()
        return super(SaleOrder, self).print_quotation()

    @api.multi
    def get_share_url(self):
        """The customer's access link (portal mixin): refused like sending."""
        self._eco_check_send_allowed()
        return super(SaleOrder, self).get_share_url()

    @api.multi
    def _eco_check_confirm_allowed(self):
        """Raise a UserError naming every order that can't be confirmed and why."""
        messages = []
        for order in self:
            reasons = order._eco_confirm_block_reasons()
            if reasons:
                messages.append('%s: %s' % (order.name, ' '.join(reasons)))
        if messages:
            raise UserError(_('These orders cannot be confirmed:\n%s')
                            % '\n'.join(messages))

    # ------------------------------------------------------------------
    # intake actions
    # ------------------------------------------------------------------
    def _eco_check_intake_access(self):
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(
                'eco_order.group_eco_order_user'):
            raise AccessError(_('Only order staff may review order requests.'))

    def _eco_check_intake_state(self, allowed, action_label):
        """Refuse the intake step unless every order is still a request (a draft)
        in one of the ``allowed`` intake states (the form hides the step's
        button otherwise)."""
        self._eco_check_intake_access()
        for order in self:
            if order.state != 'draft':
                raise UserError(_(
                    'Order %(order)s cannot be %(action)s: it is no longer a '
                    'request in review (it was sent, confirmed or cancelled).'
                ) % {'order': order.name, 'action': action_label})
            if order.intake_state not in allowed:
                state_label = dict(
                    self._fields['intake_state']._description_selection(self.env)
                ).get(order.intake_state)
                raise UserError(_(
                    'Order %(order)s cannot be %(action)s: its intake state is '
                    '"%(state)s".'
                ) % {'order': order.name, 'action': action_label,
                     'state': state_label})

    @api.multi
    def action_intake_review(self):
        self._eco_check_intake_state(('new',), _('put in review'))
        self.write({'intake_state': 'review'})
        return True

    @api.multi
    def action_intake_clarify(self):
        self.ensure_one()
        self._eco_check_intake_state(('review',), _('sent to clarification'))
        return {
            'name': _('Clarify with Customer'),
            'type': 'ir.actions.act_window',
            'res_model': 'eco.intake.clarify',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_order_id': self.id},
        }

    @api.multi
    def action_intake_accept(self):
        self._eco_check_intake_state(('review',), _('accepted'))
        self._eco_intake_refresh_missing()
        for order in self:
            if order.intake_missing:
                raise UserError(_(
                    'Order %s cannot be accepted, this information is missing:\n%s'
                ) % (order.name, order.intake_missing))
            if order.intake_incomplete:
                raise UserError(_(
                    'Order %s was flagged incomplete at intake (%s). Resolve it with '
                    'the customer and clear the flag first.'
                ) % (order.name, order.intake_incomplete_reason or ''))
        self._eco_intake_accept_write({
            'intake_state': 'accepted',
            'intake_accepted_date': fields.Datetime.now(),
        })
        return True

    @api.multi
    def _eco_intake_accept_write(self, vals):
        """Write the acceptance ``vals``; extended by the allocation, so that the
        acceptance and the allocation are one tracked write (one chatter entry)."""
        return self.write(vals)

    @api.multi
    def action_intake_reject(self):
        self.ensure_one()
        self._eco_check_intake_state(
            ('new', 'review', 'clarification'), _('rejected'))
        return {
            'name': _('Reject Order Request'),
            'type': 'ir.actions.act_window',
            'res_model': 'eco.intake.reject',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_order_id': self.id},
        }

    @api.multi
    def _eco_intake_reject(self, reason):
        """Reject the requests with ``reason`` (used by the wizard)."""
        if not (reason or '').strip():
            raise UserError(_('A reason is required to reject an order request.'))
        self._eco_check_intake_state(
            ('new', 'review', 'clarification'), _('rejected'))
        self.write({'intake_state': 'rejected', 'intake_reject_reason': reason})
        for order in self:
            order.message_post(
                body=_('Order request rejected. Reason: %s') % tools.html_escape(
                    reason),
                subtype='mail.mt_note')
        return True

    @api.multi
    def _eco_intake_clarify(self, body, deadline, user, summary=None):
        """Send ``body`` to the customer, schedule a follow-up, go to clarification."""
        self.ensure_one()
        self._eco_check_intake_state(('review',), _('sent to clarification'))
        partner = self.partner_id
        self.message_subscribe(partner_ids=partner.ids)
        message = self.message_post(
            body=body, subject=_('Questions about your order request %s') % self.name,
            message_type='comment', subtype='mail.mt_comment',
            partner_ids=partner.ids)
        activity_type = self.env.ref(
            'eco_order.mail_activity_type_eco_clarification', raise_if_not_found=False
        ) or self.env.ref('mail.mail_activity_data_todo')
        activity = self.env['mail.activity'].create({
            'res_model_id': self.env['ir.model']._get(self._name).id,
            'res_id': self.id,
            'activity_type_id': activity_type.id,
            'summary': summary or _('Follow up the clarification with %s') % (
                partner.display_name),
            'note': body,
            'date_deadline': deadline,
            'user_id': user.id,
        })
        self.write({'intake_state': 'clarification'})
        self.message_post(
            body=_('Clarification requested from %s; follow-up due on %s.') % (
                tools.html_escape(partner.display_name), deadline),
            subtype='mail.mt_note')
        return message, activity

    @api.multi
    def action_intake_clear_incomplete(self):
        self._eco_check_intake_access()
        for order in self:
            if not order.intake_incomplete:
                continue
            order.message_post(
                body=_('Intake problem resolved: %s') % tools.html_escape(
                    order.intake_incomplete_reason or ''),
                subtype='mail.mt_note')
        self.write({'intake_incomplete': False})
        return True

    @api.multi
    def action_intake_acknowledge(self):
        """Send the acknowledgement mail to the customer and record the response
        (stamp shown on the form: sent on, by). Refused once the customer was
        answered or the review is over, as the form hides the button then."""
        self._eco_check_intake_access()
        for order in self:
            if order.intake_first_response_date or not order._eco_is_in_intake() \
                    or order.intake_state == 'rejected':
                raise UserError(_(
                    'Order %s: the customer has already been answered or the '
                    'review is over; no acknowledgement is sent.') % order.name)
        template = self.env.ref('eco_order.mail_template_eco_intake_ack')
        now = fields.Datetime.now()
        for order in self:
            order.message_subscribe(partner_ids=order.partner_id.ids)
            order.message_post_with_template(
                template.id, composition_mode='comment',
                message_type='comment', subtype_id=self.env.ref('mail.mt_comment').id)
            order.write({
                'intake_first_response_date': order.intake_first_response_date or now,
                'intake_ack_sent_date': now,
                'intake_ack_sent_by_id': self.env.uid,
            })
        return True

    # ------------------------------------------------------------------
    # messages: first response and customer replies
    # ------------------------------------------------------------------
    def _eco_is_internal_author(self, author):
        users = author.sudo().user_ids
        return bool(users) and any(not user.share for user in users)

    def _eco_is_customer_author(self, author):
        self.ensure_one()
        if not author or not self.partner_id:
            return False
        commercial = self.partner_id.commercial_partner_id
        return author.sudo().commercial_partner_id == commercial

    @api.multi
    @api.returns('self', lambda value: value.id)
    def message_post(self, body='', subject=None, message_type='notification',
                     subtype=None, parent_id=False, attachments=None,
                     content_subtype='html', **kwargs):
        message = super(SaleOrder, self).message_post(
            body=body, subject=subject, message_type=message_type, subtype=subtype,
            parent_id=parent_id, attachments=attachments,
            content_subtype=content_subtype, **kwargs)
        if len(self) == 1 and message:
            self._eco_intake_after_message(message)
        return message

    def _eco_intake_after_message(self, message):
        """Record the first response; a customer's reply ends the clarification."""
        self.ensure_one()
        msg = message.sudo()
        if msg.message_type not in ('comment', 'email'):
            return
        order = self.sudo()
        author = msg.author_id
        comment = self.env.ref('mail.mt_comment')
        if (not order.intake_first_response_date and msg.subtype_id == comment
                and order._eco_is_internal_author(author)
                and not order._eco_is_customer_author(author)):
            order.intake_first_response_date = msg.date or fields.Datetime.now()
        if (order.intake_state == 'clarification'
                and order._eco_is_customer_author(author)
                and not order._eco_is_internal_author(author)):
            order.write({'intake_state': 'review'})
            order.message_post(
                body=_('The customer replied: the request is back in review.'),
                subtype='mail.mt_note')

    # ------------------------------------------------------------------
    # mail gateway
    # ------------------------------------------------------------------
    @api.model
    def _eco_intake_max_attachment_bytes(self):
        value = self.env['ir.config_parameter'].sudo().get_param(
            MAX_ATTACHMENT_PARAM, DEFAULT_MAX_ATTACHMENT_MB)
        try:
            megabytes = float(value)
        except (TypeError, ValueError):
            megabytes = DEFAULT_MAX_ATTACHMENT_MB
        return int(megabytes * 1024 * 1024)

    @api.model
    def _eco_intake_filter_attachments(self, msg_dict):
        """Drop attachments above the size limit; return their (name, size) list."""
        limit = self._eco_intake_max_attachment_bytes()
        kept, dropped = [], []
        for attachment in msg_dict.get('attachments') or []:
            content = attachment[1] or b''
            size = len(content)
            if size > limit:
                dropped.append((attachment[0] or _('attachment'), size))
            else:
                kept.append(attachment)
        msg_dict['attachments'] = kept
        return dropped

    @api.model
    def _eco_intake_find_partner(self, email_from):
        """Partner for a sender address: existing contact (companies' contacts
        first) or a new one built from the sender's name and address."""
        Partner = self.env['res.partner'].sudo()
        emails = tools.email_split(email_from or '')
        if not emails:
            return Partner
        email = emails[0]
        partners = Partner.search([('email', '=ilike', email)], order='id')
        if partners:
            partners = partners.sorted(
                key=lambda p: (not p.parent_id, not p.customer, p.id))
            return partners[0]
        name = email
        parsed = Partner._parse_partner_name(email_from)
        if parsed and parsed[0]:
            name = parsed[0]
        return Partner.create({'name': name, 'email': email, 'customer': True})

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        values = dict(custom_values or {})
        problems = []
        subject = (msg_dict.get('subject') or '').strip()
        body_text = tools.html2plaintext(msg_dict.get('body') or '').strip()
        if not subject:
            problems.append(_('The email has no subject.'))
        if not body_text:
            problems.append(_('The email has no body text.'))
        dropped = self._eco_intake_filter_attachments(msg_dict)
        for name, size in dropped:
            problems.append(_(
                'Attachment "%s" (%.1f MB) exceeds the size limit and was not stored.'
            ) % (name, size / 1024.0 / 1024.0))
        partner = self._eco_intake_find_partner(msg_dict.get('email_from'))
        if partner:
            msg_dict['author_id'] = partner.id
            values.setdefault('partner_id', partner.id)
            if partner.parent_id:
                values.setdefault('intake_contact_name', partner.name)
            if partner.phone or partner.mobile:
                values.setdefault(
                    'intake_contact_phone', partner.phone or partner.mobile)
        values.update({
            'name': _('New'),
            'intake_channel': 'email',
            'intake_email_subject': subject or False,
        })
        if msg_dict.get('date'):
            values['intake_received_date'] = msg_dict['date']
        if problems:
            values.update({
                'intake_incomplete': True,
                'intake_incomplete_reason': '\n'.join(problems),
            })
        order = super(SaleOrder, self).message_new(msg_dict, custom_values=values)
        if partner:
            order.message_subscribe(partner_ids=partner.ids)
        if dropped:
            order.message_post(
                body=_('Incoming email: attachments not stored because they exceed '
                       'the size limit: %s') % tools.html_escape(', '.join(
                           '%s (%d bytes)' % item for item in dropped)),
                subtype='mail.mt_note')
        order._eco_notify_intake_channel()
        return order

    @api.multi
    def message_update(self, msg_dict, update_vals=None):
        dropped = self._eco_intake_filter_attachments(msg_dict)
        if dropped:
            reason = '\n'.join(_(
                'Attachment "%s" (%.1f MB) of a reply exceeds the size limit and was '
                'not stored.') % (name, size / 1024.0 / 1024.0)
                for name, size in dropped)
            for order in self:
                order.sudo().write({
                    'intake_incomplete': True,
                    'intake_incomplete_reason': '\n'.join(
                        filter(None, [order.intake_incomplete_reason, reason])),
                })
                order.message_post(body=tools.plaintext2html(reason),
                                   subtype='mail.mt_note')
        return super(SaleOrder, self).message_update(msg_dict, update_vals=update_vals)

    # ------------------------------------------------------------------
    # staff notification
    # ------------------------------------------------------------------
    @api.multi
    def _eco_intake_responsible(self):
        self.ensure_one()
        param = self.env['ir.config_parameter'].sudo().get_param(INTAKE_USER_PARAM)
        user = self.env['res.users']
        if param:
            try:
                user = user.sudo().browse(int(param)).exists()
            except ValueError:
                user = self.env['res.users']
        return user or self.user_id

    @api.multi
    def _eco_notify_intake_channel(self):
        """Announce new requests in the intake channel and schedule their review."""
        channel = self.env.ref(
            'eco_order.mail_channel_eco_intake', raise_if_not_found=False)
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        model_id = self.env['ir.model']._get(self._name).id
        for order in self:
            channel_label = dict(
                self._fields['intake_channel']._description_selection(self.env)
            ).get(order.intake_channel)
            if channel:
                link = ('<a href="#" data-oe-model="sale.order" '
                        'data-oe-id="%d">%s</a>') % (
                    order.id, tools.html_escape(order.name))
                channel.sudo().message_post(
                    body=_('New order request %s from %s (channel: %s).') % (
                        link, tools.html_escape(order.partner_id.display_name or ''),
                        channel_label),
                    message_type='comment', subtype='mail.mt_comment')
            user = order._eco_intake_responsible()
            if user:
                self.env['mail.activity'].sudo().create({
                    'res_model_id': model_id,
                    'res_id': order.id,
                    'activity_type_id': activity_type.id,
                    'summary': _('Review order request'),
                    'date_deadline': fields.Date.to_string(
                        fields.Date.from_string(fields.Date.context_today(order))
                        + timedelta(days=1)),
                    'user_id': user.id,
                })
        return True
