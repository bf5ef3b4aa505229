# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Acceptance of an order against its contract criteria, signed by the customer
(R10.3)."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from .mail_thread import ECO_AUTHOR_KEY


class EcoAcceptance(models.Model):
    _name = 'eco.acceptance'
    _description = 'Order Acceptance'
    _inherit = 'eco.order.document.mixin'
    _eco_portal_path = '/my/acceptance/%s'
    _order = 'id desc'

    date = fields.Date(
        required=True, default=fields.Date.context_today, readonly=True,
        states={'draft': [('readonly', False)]})
    customer_representative = fields.Char(
        readonly=True, states={'draft': [('readonly', False)]})
    user_id = fields.Many2one(
        'res.users', string='Conducted By', default=lambda self: self.env.user,
        readonly=True, states={'draft': [('readonly', False)]})
    line_ids = fields.One2many(
        'eco.acceptance.line', 'acceptance_id', string='Results', copy=True,
        readonly=True, states={'draft': [('readonly', False)]})
    rectification_ids = fields.One2many(
        'eco.rectification', 'acceptance_id', string='Rectifications')
    note = fields.Text()
    state = fields.Selection(
        [('draft', 'Draft'), ('failed', 'Failed'), ('passed', 'Passed'),
         ('signed', 'Signed')],
        required=True, default='draft', readonly=True, copy=False, index=True,
        track_visibility='onchange')
    signed_by = fields.Char(readonly=True, copy=False)
    signature = fields.Binary(
        string='Drawn Signature', attachment=True, readonly=True, copy=False)
    signature_text = fields.Char(string='Typed Signature', readonly=True, copy=False)
    signed_date = fields.Datetime(readonly=True, copy=False)
    signed_ip = fields.Char(string='Signed From (IP)', readonly=True, copy=False)
    paper_signed = fields.Boolean(
        string='Signed on Paper', readonly=True, copy=False,
        help='The customer signed a paper copy; the scan is attached below.')
    paper_document = fields.Binary(
        string='Signed Paper Copy', attachment=True, copy=False)
    paper_document_name = fields.Char(copy=False)

    # ------------------------------------------------------------------ CRUD
    @api.model
    def create(self, vals):
        """Any path (form, order button, code): the order's contract criteria
        are loaded first when it has none yet (its order type's criterion
        templates), then copied as the results to give, unless the lines
        were given."""
        order = self.env['sale.order'].browse(vals.get('order_id'))
        order._eco_check_can_record_acceptance()
        order._eco_ensure_acceptance_criteria()
        acceptance = super(EcoAcceptance, self).create(vals)
        if not acceptance.line_ids:
            acceptance._eco_load_criteria()
        else:
            acceptance._eco_link_criteria()
        return acceptance

    @api.onchange('order_id')
    def _onchange_eco_order_criteria(self):
        """The new acceptance's form shows the criteria to evaluate as soon as
        the order is chosen: the order's criteria, or the templates that
        apply to it when it has none yet (create copies those to the order)."""
        if self.state != 'draft' or not self.order_id:
            return
        if any(line.result or line.remark for line in self.line_ids):
            return
        self.line_ids = [(5, 0, 0)] + [
            (0, 0, values) for values in self._eco_criteria_line_values()]

    @api.multi
    def write(self, vals):
        res = super(EcoAcceptance, self).write(vals)
        if vals.get('state') == 'signed':
            self._eco_after_signed()
        return res

    @api.multi
    def _eco_after_signed(self):
        """The customer signed: the order's "acceptance signed" milestones are
        done."""
        self.mapped('order_id')._eco_milestone_event('acceptance_signed')

    # ------------------------------------------------------------------ helpers
    @api.multi
    def _eco_criteria_line_values(self):
        """Values of the result lines for the acceptance's order: one per
        criterion of the order, or per applicable template if it has none."""
        self.ensure_one()
        order = self.order_id
        criteria = order.eco_acceptance_criterion_ids
        if criteria:
            return [{'criterion_id': c.id, 'name': c.name, 'sequence': c.sequence}
                    for c in criteria]
        templates = self.env['eco.acceptance.criterion.template'].search(
            order._eco_template_domain())
        return [{'name': t.name, 'sequence': t.sequence} for t in templates]

    @api.multi
    def _eco_link_criteria(self):
        """Lines given without their criterion (the form showed the templates
        before the order had criteria) are linked to the order's criterion of
        the same name."""
        for acceptance in self:
            criteria = acceptance.order_id.eco_acceptance_criterion_ids
            by_name = {c.name: c for c in criteria}
            for line in acceptance.line_ids.filtered(lambda l: not l.criterion_id):
                if line.name in by_name:
                    line.criterion_id = by_name[line.name]

    @api.multi
    def _eco_load_criteria(self):
        for acceptance in self:
            acceptance.write({'line_ids': [(0, 0, {
                'criterion_id': criterion.id,
                'name': criterion.name,
                'sequence': criterion.sequence,
            }) for criterion in acceptance.order_id.eco_acceptance_criterion_ids]})

    @api.multi
    def _eco_rectification_values(self, line):
        self.ensure_one()
        order = self.order_id
        lead = 'eco_project_lead_id' in order._fields and order.eco_project_lead_id
        deadline = (fields.Datetime.from_string(fields.Datetime.now())
                    + timedelta(days=7))
        return {
            'name': _('Rectify: %s') % line.name,
            'order_id': order.id,
            'acceptance_id': self.id,
            'acceptance_line_id': line.id,
            'description': line.remark,
            'user_id': (lead or order.user_id or self.env.user).id,
            'deadline': fields.Datetime.to_string(deadline),
        }

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_record_result(self):
        """Close the evaluation: failed criteria open rectifications."""
        for acceptance in self:
            if acceptance.state != 'draft':
                raise UserError(_('Acceptance %s has already been evaluated.')
                                % acceptance.name)
            if not acceptance.line_ids:
                raise UserError(_('Acceptance %s has no criteria to evaluate.')
                                % acceptance.name)
            missing = acceptance.line_ids.filtered(lambda l: not l.result)
            if missing:
                raise UserError(_('Give a result for every criterion. Missing: %s')
                                % ', '.join(missing.mapped('name')))
            failed = acceptance.line_ids.filtered(lambda l: l.result == 'failed')
            Rectification = self.env['eco.rectification']
            for line in failed:
                Rectification.create(acceptance._eco_rectification_values(line))
            acceptance.state = 'failed' if failed else 'passed'
            if failed:
                body = _('Acceptance %s failed on: %s. Rectifications opened.') % (
                    html_escape(acceptance.name),
                    html_escape(', '.join(failed.mapped('name'))))
            else:
                body = _('Acceptance %s passed all criteria.') % html_escape(
                    acceptance.name)
            acceptance.order_id.message_post(body=body, subtype='mail.mt_note')
        return True

    @api.multi
    def action_sign_paper(self):
        """Staff record the customer's signature on a paper copy (scan attached)."""
        for acceptance in self:
            if acceptance.state != 'passed':
                raise UserError(_('Only a passed acceptance can be signed.'))
            if not acceptance.paper_document:
                raise UserError(_('Attach the scan of the signed paper copy first.'))
            acceptance.write({
                'state': 'signed',
                'paper_signed': True,
                'signed_by': acceptance.customer_representative
                or acceptance.partner_id.name,
                'signed_date': fields.Datetime.now(),
            })
            acceptance.order_id.message_post(
                body=_('Acceptance %s: signed paper copy recorded.') % html_escape(
                    acceptance.name),
                subtype='mail.mt_note')
        return True

    @api.multi
    def _eco_portal_sign(self, name, signature_text=False, signature=False, ip=False,
                         partner=False):
        """Customer sign-off from the portal (controller, sudo after access check)."""
        self.ensure_one()
        if self.state != 'passed':
            raise UserError(_('This acceptance cannot be signed (it has not passed '
                              'or is already signed).'))
        name = (name or '').strip()
        if not name or not (signature or (signature_text or '').strip()):
            raise UserError(_('Your name and signature are required.'))
        # the tracking and notes of the sign-off are the customer's, not the superuser's
        acceptance = self.with_context(
            **{ECO_AUTHOR_KEY: partner.id}) if partner else self
        acceptance.write({
            'state': 'signed',
            'signed_by': name,
            'signature_text': (signature_text or '').strip() or False,
            'signature': signature or False,
            'signed_date': fields.Datetime.now(),
            'signed_ip': ip or False,
        })
        acceptance.order_id.message_post(
            body=_('Acceptance %s signed on the portal by %s (IP %s).') % (
                html_escape(acceptance.name), html_escape(name),
                html_escape(ip or '-')),
            author_id=partner.id if partner else None,
            message_type='comment', subtype='mail.mt_note')
        return True

    @api.multi
    def _eco_certificate_available(self):
        """The customer gets the acceptance certificate once they signed."""
        self.ensure_one()
        return self.state == 'signed'

    @api.multi
    def action_print_certificate(self):
        self.ensure_one()
        return self.env.ref(
            'eco_order.action_report_eco_acceptance_certificate').report_action(self)
