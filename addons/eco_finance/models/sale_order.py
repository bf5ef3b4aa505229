# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Finance on the order: credit hold gate and override (R5.3), special-pricing review
with base_tier_validation (R5.2), cost sheet and payment schedule at confirmation
(R5.1, R5.3).

The gates extend eco_order's ``_eco_send_block_reasons`` (review not approved: no
sending, printing for the customer or confirming) and ``_eco_confirm_block_reasons``
(credit hold); ``action_confirm`` only adds the steps that follow a confirmation.
"""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, html_escape

COST_GROUPS = 'sales_team.group_sale_salesman,account.group_account_invoice'
OVERRIDE_FIELDS = ('eco_hold_override', 'eco_hold_override_reason',
                   'eco_hold_override_user_id', 'eco_hold_override_date')


class SaleOrder(models.Model):
    _name = 'sale.order'
    _inherit = ['sale.order', 'tier.validation']
    _state_from = ['draft', 'sent']
    _state_to = ['sale', 'done']
    _cancel_state = 'cancel'

    # ------------------------------------------------------------ credit hold
    eco_partner_credit_hold = fields.Boolean(
        string='Customer on Credit Hold',
        related='partner_id.commercial_partner_id.eco_credit_hold', readonly=True)
    eco_hold_override = fields.Boolean(
        string='Credit Hold Overridden', readonly=True, copy=False,
        track_visibility='onchange')
    eco_hold_override_reason = fields.Text(
        string='Override Reason', readonly=True, copy=False)
    eco_hold_override_user_id = fields.Many2one(
        'res.users', string='Overridden By', readonly=True, copy=False)
    eco_hold_override_date = fields.Datetime(
        string='Overridden On', readonly=True, copy=False)

    # ------------------------------------------------------ special pricing
    eco_special_order = fields.Boolean(
        string='Special Order', copy=False, track_visibility='onchange',
        readonly=True, states={'draft': [('readonly', False)],
                               'sent': [('readonly', False)]},
        help='Special terms agreed with the customer: the quotation needs a '
             'special-pricing review.')
    eco_new_customer = fields.Boolean(
        string='New Customer', compute='_compute_eco_new_customer',
        search='_search_eco_new_customer',
        help='The customer has no confirmed order yet.')
    eco_low_margin = fields.Boolean(
        string='Margin Below Minimum', compute='_compute_eco_pricing_flags',
        store=True, help='A line\'s margin is below the pricing policy minimum.')
    eco_high_discount = fields.Boolean(
        string='Discount Above Limit', compute='_compute_eco_pricing_flags',
        store=True, help='A line\'s discount is above the pricing policy limit.')
    eco_margin_percent = fields.Float(
        string='Margin (%)', compute='_compute_eco_margin_percent', digits=(16, 2))

    # ------------------------------------------------------------ cost sheet
    eco_cost_estimate_line_ids = fields.One2many(
        'eco.cost.estimate.line', 'order_id', string='Cost Estimate Lines',
        copy=True, groups=COST_GROUPS)
    eco_cost_sheet_ids = fields.One2many(
        'eco.cost.sheet', 'order_id', string='Cost Sheets', readonly=True,
        groups=COST_GROUPS)

    @api.depends('partner_id')
    def _compute_eco_new_customer(self):
        partners = self.mapped('partner_id.commercial_partner_id')
        known = self._eco_partners_with_orders(partners)
        for order in self:
            order.eco_new_customer = bool(order.partner_id) and \
                order.partner_id.commercial_partner_id.id not in known

    @api.model
    def _eco_partners_with_orders(self, partners):
        if not partners:
            return set()
        self.env.cr.execute("""
            SELECT DISTINCT p.commercial_partner_id
              FROM sale_order so JOIN res_partner p ON p.id = so.partner_id
             WHERE so.state IN ('sale', 'done') AND p.commercial_partner_id IN %s
        """, (tuple(partners.ids),))
        return {row[0] for row in self.env.cr.fetchall()}

    @api.model
    def _search_eco_new_customer(self, operator, value):
        if operator not in ('=', '!=') or not isinstance(value, bool):
            raise UserError(_('Unsupported search on "New Customer".'))
        self.env.cr.execute("""
            SELECT so.id FROM sale_order so
              JOIN res_partner p ON p.id = so.partner_id
             WHERE EXISTS (SELECT 1 FROM sale_order o2
                             JOIN res_partner p2 ON p2.id = o2.partner_id
                            WHERE o2.state IN ('sale', 'done')
                              AND p2.commercial_partner_id = p.commercial_partner_id)
        """)
        known = [row[0] for row in self.env.cr.fetchall()]
        new = (operator == '=') == value
        return [('id', 'not in' if new else 'in', known)]

    @api.depends('order_line.eco_margin_percent', 'order_line.discount',
                 'order_line.product_id',
                 'company_id')
    def _compute_eco_pricing_flags(self):
        policies = {}
        for order in self:
            company = order.company_id or self.env.user.company_id
            if company.id not in policies:
                policies[company.id] = self.env['eco.pricing.policy']._eco_get(company)
            policy = policies[company.id]
            lines = order.order_line.filtered('product_id')
            order.eco_low_margin = bool(policy) and any(
                line.eco_margin_percent < policy.min_margin for line in lines
                if line.price_subtotal or line.purchase_price)
            order.eco_high_discount = bool(policy) and any(
                line.discount > policy.max_discount for line in lines)

    @api.depends('margin', 'amount_untaxed')
    def _compute_eco_margin_percent(self):
        for order in self:
            order.eco_margin_percent = order.amount_untaxed and (
                100.0 * order.margin / order.amount_untaxed) or 0.0

    # ------------------------------------------------------ payment schedule
    eco_payment_template_id = fields.Many2one(
        'eco.payment.schedule.template', string='Payment Schedule',
        readonly=True, states={'draft': [('readonly', False)],
                               'sent': [('readonly', False)]})
    eco_payment_schedule_ids = fields.One2many(
        'eco.payment.schedule.line', 'order_id', string='Instalments', copy=True,
        groups=COST_GROUPS)
    eco_warranty_end_date = fields.Date(
        string='Warranty End', copy=False,
        help='Instalments due at the warranty end are invoiced on this date.')

    @api.onchange('eco_payment_template_id')
    def _onchange_eco_payment_template_id(self):
        if self.eco_payment_template_id:
            self.eco_payment_schedule_ids = self._eco_schedule_values()

    @api.multi
    def _eco_schedule_values(self):
        self.ensure_one()
        return [(5, 0, 0)] + [(0, 0, {
            'sequence': tl.sequence, 'name': tl.name, 'event': tl.event,
            'percent': tl.percent,
        }) for tl in self.eco_payment_template_id.line_ids]

    @api.multi
    def action_eco_apply_payment_template(self):
        for order in self:
            if order.state not in ('draft', 'sent'):
                raise UserError(_('The payment schedule of order %s is fixed since '
                                  'its confirmation.') % order.name)
            order.write({'eco_payment_schedule_ids': order._eco_schedule_values()})
        return True

    @api.multi
    def _eco_schedule_event(self, event):
        """An event happened for these orders: invoice their pending instalments
        due at it (as superuser: the event may come from stock or acceptance
        staff)."""
        lines = self.sudo().mapped('eco_payment_schedule_ids').filtered(
            lambda l: l.event == event and l.state == 'pending'
            and l.order_id.state in ('sale', 'done'))
        return lines._eco_invoice()

    @api.model
    def _eco_cron_warranty_end(self):
        orders = self.sudo().search([
            ('state', 'in', ('sale', 'done')),
            ('eco_warranty_end_date', '<=', fields.Date.context_today(self)),
            ('eco_payment_schedule_ids.state', '=', 'pending'),
            ('eco_payment_schedule_ids.event', '=', 'warranty')])
        return orders._eco_schedule_event('warranty')

    # ------------------------------------------------------------------ CRUD
    @api.constrains('eco_payment_schedule_ids')
    def _check_eco_payment_schedule(self):
        for order in self:
            lines = order.sudo().eco_payment_schedule_ids
            total = sum(lines.mapped('percent'))
            if lines and float_compare(total, 100.0, precision_digits=2) != 0:
                raise ValidationError(_(
                    'The instalments of order %s make %.2f %%, not 100 %%.') % (
                    order.name, total))

    @api.multi
    def write(self, vals):
        if set(OVERRIDE_FIELDS) & set(vals) and self.env.uid != SUPERUSER_ID \
                and not self.env.user.has_group('account.group_account_manager'):
            raise AccessError(_('Only finance managers may override a credit hold.'))
        if vals.get('state') == 'sent':
            # tier.validation drops the reviews when a record goes back to a
            # "from" state; sending a quotation is not going back
            self = self.with_context(eco_keep_reviews=True)
        return super(SaleOrder, self).write(vals)

    @api.multi
    def _check_allow_write_under_validation(self, vals):
        """Quotations stay editable during the review: a price change asks for the
        review again (sale.order.line), it is not refused."""
        return True

    # ------------------------------------------------------------------ gates
    @api.multi
    def _eco_send_block_reasons(self):
        reasons = super(SaleOrder, self)._eco_send_block_reasons()
        message = self._eco_pricing_review_block_reason()
        if message:
            reasons.append(message)
        return reasons

    @api.multi
    def _eco_confirm_block_reasons(self):
        reasons = super(SaleOrder, self)._eco_confirm_block_reasons()
        message = self._eco_credit_hold_block_reason()
        if message:
            reasons.append(message)
        return reasons

    @api.multi
    def _eco_credit_hold_block_reason(self):
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id.sudo()
        if not partner.eco_credit_hold or self.eco_hold_override:
            return False
        return _('Customer %s is on credit hold since %s (%s): a finance manager '
                 'must override the hold for this order.') % (
            partner.name, partner.eco_credit_hold_date or '-',
            partner.eco_credit_hold_reason or _('no reason given'))

    @api.multi
    def _eco_pricing_tiers(self):
        """Tier definitions of sale.order that apply to this quotation (sudo)."""
        self.ensure_one()
        tiers = self.env['tier.definition'].sudo().search(
            [('model', '=', self._name)], order='sequence, id')
        return tiers.filtered(lambda tier: self.evaluate_tier(tier))

    @api.multi
    def _eco_pricing_review_block_reason(self):
        self.ensure_one()
        if self.state not in self._state_from:
            return False
        reviews = self.sudo().review_ids
        if reviews:
            open_reviews = reviews.filtered(lambda r: r.status != 'approved')
            if not open_reviews:
                return False
            tiers = open_reviews.mapped('definition_id')
            reviewers = open_reviews.mapped('reviewer_ids')
            state = _('rejected') if open_reviews.filtered(
                lambda r: r.status == 'rejected') else _('waiting for approval')
        else:
            tiers = self._eco_pricing_tiers()
            if not tiers:
                return False
            reviewers = tiers.mapped('reviewer_id') | tiers.mapped(
                'reviewer_group_id.users')
            state = _('not requested yet')
        return _('The special-pricing review is %s (%s; reviewers: %s).') % (
            state, ', '.join(tiers.mapped('name')),
            ', '.join(reviewers.mapped('name')) or _('none'))

    # ------------------------------------------------------------------ review
    @api.multi
    def request_validation(self):
        reviews = super(SaleOrder, self).request_validation()
        reviews.sudo()._eco_schedule_activities()
        return reviews

    def _notify_requested_review_body(self):
        names = ', '.join(self.sudo().review_ids.mapped('name'))
        return html_escape(_('Special-pricing review requested by %s: %s.') % (
            self.env.user.name, names))

    def _notify_accepted_reviews_body(self):
        return html_escape(_('Special-pricing review approved by %s.') % (
            self.env.user.name))

    def _notify_rejected_review_body(self):
        return html_escape(_('Special-pricing review rejected by %s.') % (
            self.env.user.name))

    @api.multi
    def validate_tier(self):
        # the activities are closed first, so the review's outcome is the last note
        self._eco_close_review_activities(_('Approved'))
        res = super(SaleOrder, self).validate_tier()
        for order in self:
            if order.sudo().review_ids and order.validated:
                order.message_post(body=_('Special-pricing review complete: every '
                                          'tier approved.'), subtype='mt_note')
        return res

    @api.multi
    def reject_tier(self):
        self._eco_close_review_activities(_('Rejected'))
        return super(SaleOrder, self).reject_tier()

    @api.multi
    def _eco_close_review_activities(self, feedback):
        activity_type = self.env.ref('eco_finance.mail_activity_type_pricing_review')
        activities = self.env['mail.activity'].sudo().search([
            ('res_model', '=', self._name), ('res_id', 'in', self.ids),
            ('activity_type_id', '=', activity_type.id),
            ('user_id', '=', self.env.uid)])
        if activities:
            activities.action_feedback(feedback=feedback)

    @api.multi
    def _eco_reset_pricing_review(self):
        """Prices changed after a review: drop it and ask again."""
        orders = self.filtered(lambda o: o.state in o._state_from
                               and o.sudo().review_ids)
        if not orders:
            return orders
        activity_type = self.env.ref('eco_finance.mail_activity_type_pricing_review')
        self.env['mail.activity'].sudo().search([
            ('res_model', '=', self._name), ('res_id', 'in', orders.ids),
            ('activity_type_id', '=', activity_type.id)]).unlink()
        orders.sudo().restart_validation()
        for order in orders:
            order.message_post(body=_('Prices changed after the special-pricing '
                                      'review: the review is asked again.'),
                               subtype='mt_note')
        orders.filtered('need_validation').request_validation()
        return orders

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_eco_apply_suggested_prices(self):
        for order in self:
            if order.state not in ('draft', 'sent'):
                raise UserError(_('Suggested prices apply to quotations only (%s).')
                                % order.name)
            for line in order.order_line.filtered(
                    lambda l: l.product_id and l.eco_suggested_price):
                line.price_unit = line.eco_suggested_price
        return True

    @api.multi
    def action_eco_override_credit_hold(self):
        self.ensure_one()
        if not self.env.user.has_group('account.group_account_manager'):
            raise AccessError(_('Only finance managers may override a credit hold.'))
        return {
            'type': 'ir.actions.act_window',
            'name': _('Override Credit Hold'),
            'res_model': 'eco.credit.hold.override',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_order_id': self.id},
        }

    @api.multi
    def _eco_override_credit_hold(self, reason):
        """Let this order through the credit hold; the reason goes to the chatter."""
        self.ensure_one()
        if not self.env.user.has_group('account.group_account_manager'):
            raise AccessError(_('Only finance managers may override a credit hold.'))
        reason = (reason or '').strip()
        if not reason:
            raise UserError(_('Give the reason for overriding the credit hold.'))
        if not self.partner_id.commercial_partner_id.sudo().eco_credit_hold:
            raise UserError(_('Customer %s is not on credit hold.')
                            % self.partner_id.commercial_partner_id.name)
        self.write({
            'eco_hold_override': True, 'eco_hold_override_reason': reason,
            'eco_hold_override_user_id': self.env.uid,
            'eco_hold_override_date': fields.Datetime.now(),
        })
        self.message_post(body=_('Credit hold overridden by %s for this order: %s') % (
            html_escape(self.env.user.name), html_escape(reason)), subtype='mt_note')

    @api.multi
    def action_confirm(self):
        # the analytic account exists before the procurements run, so purchases
        # made for the order (MTO) carry it (procurement_rule.py); a refused
        # confirmation rolls it back with the rest; an internal record, created
        # without a chatter log or followers
        self.sudo().with_context(tracking_disable=True).filtered(
            lambda o: o.state in ('draft', 'sent') and not o.analytic_account_id
        )._create_analytic_account()
        res = super(SaleOrder, self).action_confirm()
        confirmed = self.filtered(lambda o: o.state in ('sale', 'done'))
        if confirmed:
            confirmed._eco_after_confirm()
        return res

    @api.multi
    def _eco_after_confirm(self):
        """Steps after a confirmation: the analytic account that collects the
        order's costs and the cost sheet with its baseline (as superuser: the
        salesperson confirming has no right on analytic accounts)."""
        orders = self.sudo()
        orders.filtered(lambda o: not o.analytic_account_id)._create_analytic_account()
        new = orders.filtered(lambda o: not o.eco_cost_sheet_ids)
        sheets = self.env['eco.cost.sheet'].sudo()
        for order in new:
            sheets |= sheets.create({
                'order_id': order.id, 'date': fields.Date.context_today(self)})
        sheets._eco_set_baseline()
        schedules = orders.mapped('eco_payment_schedule_ids')
        if schedules:
            schedules._eco_compute_amounts()
            orders._eco_schedule_event('confirm')
        return True

    @api.multi
    def action_eco_cost_sheet(self):
        self.ensure_one()
        sheet = self.eco_cost_sheet_ids[:1]
        if not sheet:
            raise UserError(_('Order %s has no cost sheet yet: it is made at '
                              'confirmation.') % self.name)
        return {
            'type': 'ir.actions.act_window', 'res_model': 'eco.cost.sheet',
            'res_id': sheet.id, 'view_mode': 'form', 'name': _('Cost Sheet'),
        }
