# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Change request of the delivery date or method of an order (R10.2).

A change proposed by staff needs the customer's consent (portal, or the token link of
the email); a change proposed by the customer is decided by order staff in the backend.
The order is only written when the request is approved.
"""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape, plaintext2html

from .mail_thread import ECO_AUTHOR_KEY, eco_sudo_as_actor
from .sale_order_change import ECO_CHANGE_APPLY_KEY, ECO_DELIVERY_METHODS


class EcoOrderChangeRequest(models.Model):
    _name = 'eco.order.change.request'
    _description = 'Order Change Request'
    _inherit = 'eco.order.document.mixin'
    _eco_portal_path = '/my/change-requests/%s'
    _order = 'id desc'

    kind = fields.Selection(
        [('delivery_date', 'Delivery date'), ('delivery_method', 'Delivery method')],
        string='Change Of', required=True, default='delivery_date',
        readonly=True, states={'draft': [('readonly', False)]})
    reason = fields.Text(
        required=True, readonly=True, states={'draft': [('readonly', False)]})
    old_date = fields.Date(string='Current Date', readonly=True)
    new_date = fields.Date(
        string='Proposed Date', readonly=True, states={'draft': [('readonly', False)]})
    old_method = fields.Selection(
        ECO_DELIVERY_METHODS, string='Current Method', readonly=True)
    new_method = fields.Selection(
        ECO_DELIVERY_METHODS, string='Proposed Method', readonly=True,
        states={'draft': [('readonly', False)]})
    old_value_text = fields.Char(string='Old Value', readonly=True)
    new_value_text = fields.Char(string='New Value', readonly=True)
    proposed_by = fields.Selection(
        [('staff', 'Staff'), ('customer', 'Customer')], required=True, default='staff',
        readonly=True, track_visibility='onchange')
    proposer_user_id = fields.Many2one(
        'res.users', string='Proposed By (User)', readonly=True,
        default=lambda self: self.env.user)
    proposer_partner_id = fields.Many2one(
        'res.partner', string='Proposed By (Contact)', readonly=True,
        default=lambda self: self.env.user.partner_id)
    state = fields.Selection(
        [('draft', 'Draft'), ('pending', 'Awaiting Consent'), ('approved', 'Approved'),
         ('declined', 'Declined'), ('cancelled', 'Cancelled')],
        required=True, default='draft', readonly=True, copy=False, index=True,
        track_visibility='onchange')
    decided_date = fields.Datetime(readonly=True, copy=False)
    decided_by_id = fields.Many2one(
        'res.users', string='Decided By', readonly=True, copy=False)
    decided_partner_id = fields.Many2one(
        'res.partner', string='Decided By (Contact)', readonly=True, copy=False)
    decision_note = fields.Text(readonly=True, copy=False)

    @api.constrains('kind', 'new_date', 'new_method')
    def _check_new_value(self):
        for request in self:
            if request.kind == 'delivery_date' and not request.new_date:
                raise ValidationError(_('Please give the proposed delivery date.'))
            if request.kind == 'delivery_method' and not request.new_method:
                raise ValidationError(_('Please give the proposed delivery method.'))
            error = request._eco_new_date_error()
            if error:
                raise ValidationError(error)

    @api.multi
    def _eco_new_date_error(self):
        """Why the proposed date can't be accepted (translated text), or False."""
        self.ensure_one()
        if self.kind != 'delivery_date' or not self.new_date or not self.order_id:
            return False
        min_date = self.order_id._eco_change_min_date()
        if self.new_date < min_date:
            return _('The proposed delivery date %s is in the past: choose %s or a '
                     'later date.') % (self.new_date, min_date)
        return False

    @api.onchange('new_date', 'order_id')
    def _onchange_eco_new_date(self):
        error = self._eco_new_date_error()
        if error:
            self.new_date = False
            return {'warning': {'title': _('Date in the past'), 'message': error}}
        return {}

    @api.model
    def create(self, vals):
        request = super(EcoOrderChangeRequest, self).create(vals)
        request._eco_snapshot_values()
        return request

    @api.multi
    def write(self, vals):
        res = super(EcoOrderChangeRequest, self).write(vals)
        if {'kind', 'new_date', 'new_method', 'order_id'} & set(vals):
            self.filtered(lambda r: r.state == 'draft')._eco_snapshot_values()
        return res

    # ------------------------------------------------------------------ helpers
    @api.model
    def _eco_method_label(self, method):
        return dict(self._fields['new_method']._description_selection(self.env)).get(
            method, '') if method else ''

    @api.multi
    def _eco_snapshot_values(self):
        """Store the current and proposed values (also as text, for the history)."""
        for request in self:
            order = request.order_id
            vals = {
                'old_date': order.eco_delivery_date,
                'old_method': order.eco_delivery_method,
            }
            if request.kind == 'delivery_date':
                vals.update(old_value_text=order.eco_delivery_date or '',
                            new_value_text=request.new_date or '')
            else:
                vals.update(
                    old_value_text=self._eco_method_label(order.eco_delivery_method),
                    new_value_text=self._eco_method_label(request.new_method))
            super(EcoOrderChangeRequest, request).write(vals)

    @api.multi
    def _eco_as_author(self, partner):
        """These records (sudo, from the portal) with ``partner`` as the author of
        what the step tracks and posts."""
        return self.with_context(**{ECO_AUTHOR_KEY: partner.id}) if partner else self

    @api.multi
    def _eco_check_staff(self):
        if not self.env.user.has_group('eco_order.group_eco_order_user'):
            raise AccessError(_('Only order staff can decide on a change request.'))

    @api.multi
    def _eco_check_state(self, states):
        for request in self:
            if request.state not in states:
                raise UserError(_('Change request %s is no longer open.')
                                % request.name)

    @api.multi
    def _eco_apply(self):
        """Write the approved value on the order (the only way after confirmation)."""
        for request in self:
            if request.kind == 'delivery_date':
                vals = {'eco_delivery_date': request.new_date}
            else:
                vals = {'eco_delivery_method': request.new_method}
            request.order_id.with_context(**{ECO_CHANGE_APPLY_KEY: True}).write(vals)

    @api.multi
    def _eco_responsible_user(self):
        self.ensure_one()
        order = self.order_id
        lead = 'eco_project_lead_id' in order._fields and order.eco_project_lead_id
        return lead or order.user_id or self.env.user

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_submit(self):
        """Send the request to the other party for consent."""
        self._eco_check_state(['draft'])
        for request in self:
            request._eco_snapshot_values()
            request.write({'state': 'pending'})
            request.order_id.message_post(
                body=_('Change request %s: %s from "%s" to "%s" proposed (%s). '
                       'Reason: %s')
                % tuple(html_escape(value or '') for value in (
                    request.name,
                    dict(request._fields['kind']._description_selection(self.env))[
                        request.kind],
                    request.old_value_text, request.new_value_text,
                    dict(request._fields['proposed_by']._description_selection(
                        self.env))[request.proposed_by],
                    request.reason)),
                subtype='mail.mt_note')
            if request.proposed_by == 'staff':
                request._eco_notify_customer()
            else:
                request._eco_schedule_staff_decision()
        return True

    @api.multi
    def _eco_notify_customer(self):
        template = self.env.ref('eco_order.mail_template_eco_change_request',
                                raise_if_not_found=False)
        for request in self:
            if template:
                request.message_post_with_template(
                    template.id, composition_mode='comment')

    @api.multi
    def _eco_schedule_staff_decision(self):
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        model = self.env['ir.model']._get(self._name)
        for request in self:
            self.env['mail.activity'].sudo().create({
                'activity_type_id': activity_type.id,
                'res_model_id': model.id,
                'res_id': request.id,
                'user_id': request._eco_responsible_user().id,
                'summary': _('Customer change request to decide'),
                'note': plaintext2html(request.reason or ''),
                'date_deadline': fields.Date.context_today(request),
            })

    @api.multi
    def _eco_decide(self, approve, note=False, partner=False, user=False):
        """Record the decision, apply the change when approved."""
        for request in self:
            request.write({
                'state': 'approved' if approve else 'declined',
                'decided_date': fields.Datetime.now(),
                'decided_by_id': (user or self.env.user).id,
                'decided_partner_id': (partner or self.env.user.partner_id).id,
                'decision_note': note,
            })
            if approve:
                request._eco_apply()
            msg = (_('Change request %s approved by %s: %s is now "%s".')
                   if approve else
                   _('Change request %s declined by %s: %s stays "%s".'))
            request.order_id.message_post(
                body=msg % tuple(html_escape(value or '') for value in (
                    request.name, (partner or self.env.user.partner_id).name,
                    dict(request._fields['kind']._description_selection(
                        self.env))[request.kind],
                    request.new_value_text if approve
                    else request.old_value_text)),
                subtype='mail.mt_note')
            eco_sudo_as_actor(request.activity_ids, partner).action_feedback(
                feedback=_('Approved') if approve else _('Declined'))
        return True

    @api.multi
    def action_approve(self):
        """Staff approve a change the customer proposed."""
        self._eco_check_staff()
        self._eco_check_state(['pending'])
        if any(r.proposed_by != 'customer' for r in self):
            raise UserError(_(
                'A change proposed by staff needs the customer\'s consent: the '
                'customer approves or declines it on the portal.'))
        return self._eco_decide(True)

    @api.multi
    def action_decline(self):
        self._eco_check_staff()
        self._eco_check_state(['pending'])
        if any(r.proposed_by != 'customer' for r in self):
            raise UserError(_(
                'A change proposed by staff is declined by the customer on the portal; '
                'staff can cancel it instead.'))
        return self._eco_decide(False)

    @api.multi
    def action_cancel(self):
        self._eco_check_state(['draft', 'pending'])
        self.write({'state': 'cancelled'})
        self.mapped('activity_ids').sudo().unlink()
        return True

    @api.multi
    def _eco_portal_decide(self, approve, partner, user, note=False):
        """Customer's decision from the portal (called as sudo by the controller)."""
        self.ensure_one()
        if self.proposed_by != 'staff':
            raise UserError(_(
                'This change was proposed by you; our staff will decide.'))
        self._eco_check_state(['pending'])
        return self._eco_as_author(partner)._eco_decide(
            approve, note=note, partner=partner, user=user)

    @api.model
    def _eco_portal_propose(self, order, partner, user, kind, reason, new_date=False,
                            new_method=False):
        """Create and submit a change proposed by the customer (sudo, controller)."""
        if not order._eco_is_agreement_locked():
            raise UserError(_('Only confirmed orders take change requests.'))
        request = self._eco_as_author(partner).create({
            'order_id': order.id,
            'kind': kind,
            'reason': reason,
            'new_date': new_date,
            'new_method': new_method,
            'proposed_by': 'customer',
            'proposer_user_id': user.id,
            'proposer_partner_id': partner.id,
        })
        request.action_submit()
        return request

    @api.multi
    def get_eco_portal_link(self):
        """Absolute portal link with the access token (used in the consent email)."""
        self.ensure_one()
        base_url = self.env['ir.config_parameter'].sudo().get_param('web.base.url')
        return '%s/my/change-requests/%s?access_token=%s' % (
            base_url, self.id, self.sudo().access_token)
