# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Delivery preparation (R10.1) and acceptance (R10.3) of an order."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    eco_delivery_check_ids = fields.One2many(
        'eco.delivery.check', 'order_id', string='Delivery Checks', copy=False,
        groups='eco_order.group_eco_order_user')
    eco_delivery_ready = fields.Boolean(
        string='Ready for Delivery', readonly=True, copy=False,
        track_visibility='onchange')
    eco_delivery_ready_date = fields.Date(
        string='Ready for Delivery On', readonly=True, copy=False)
    eco_acceptance_criterion_ids = fields.One2many(
        'eco.acceptance.criterion', 'order_id', string='Acceptance Criteria', copy=True,
        groups='eco_order.group_eco_order_user')
    eco_acceptance_ids = fields.One2many(
        'eco.acceptance', 'order_id', string='Acceptances', copy=False,
        groups='eco_order.group_eco_order_user')
    eco_rectification_ids = fields.One2many(
        'eco.rectification', 'order_id', string='Rectifications', copy=False,
        groups='eco_order.group_eco_order_user')
    eco_acceptance_state = fields.Selection(
        [('none', 'Not Started'), ('in_progress', 'In Progress'), ('failed', 'Failed'),
         ('passed', 'Passed')],
        string='Acceptance', compute='_compute_eco_acceptance_state', store=True,
        track_visibility='onchange')

    @api.depends('eco_acceptance_ids.state')
    def _compute_eco_acceptance_state(self):
        for order in self:
            acceptances = order.sudo().eco_acceptance_ids
            if not acceptances:
                order.eco_acceptance_state = 'none'
                continue
            last = acceptances.sorted('id')[-1]
            if last.state in ('passed', 'signed'):
                order.eco_acceptance_state = 'passed'
            elif last.state == 'failed':
                order.eco_acceptance_state = 'failed'
            else:
                order.eco_acceptance_state = 'in_progress'

    # ------------------------------------------------------------------ templates
    @api.multi
    def _eco_template_domain(self):
        """Templates that apply to the order: those of its order type and the
        company-wide defaults (no order type)."""
        self.ensure_one()
        return ['|', ('company_id', '=', False),
                ('company_id', '=', self.company_id.id),
                '|', ('order_type_id', '=', False),
                ('order_type_id', '=', self.order_type_id.id)]

    @api.multi
    def _eco_load_templates(self, lines_field, template_model):
        """Copy the templates of ``template_model`` that apply to each order
        into its lines ``lines_field`` (templates not copied yet only)."""
        Line = self.env[self._fields[lines_field].comodel_name]
        Template = self.env[template_model]
        for order in self:
            existing = order.sudo()[lines_field].mapped('template_id')
            for template in Template.search(order._eco_template_domain()) - existing:
                Line.create(template._eco_order_line_values(order))
        return True

    @api.multi
    def action_eco_load_delivery_checks(self):
        """Create the order's delivery checks from the templates (missing ones only)."""
        return self._eco_load_templates(
            'eco_delivery_check_ids', 'eco.delivery.check.template')

    @api.multi
    def action_eco_load_acceptance_criteria(self):
        """Copy the acceptance criteria templates to the order (missing ones only)."""
        return self._eco_load_templates(
            'eco_acceptance_criterion_ids', 'eco.acceptance.criterion.template')

    @api.multi
    def _eco_confirm_load_checklists(self):
        """Confirmation step (called by action_confirm in sale_order.py): load
        the delivery checks and acceptance criteria of orders that have none."""
        for order in self:
            if not order.sudo().eco_delivery_check_ids:
                order.action_eco_load_delivery_checks()
            if not order.sudo().eco_acceptance_criterion_ids:
                order.action_eco_load_acceptance_criteria()
        return True

    # ------------------------------------------------------------------ delivery
    @api.multi
    def action_eco_delivery_ready(self):
        """Declare the order ready for delivery once every check is done."""
        for order in self:
            checks = order.eco_delivery_check_ids
            if not checks:
                raise UserError(_(
                    'Order %s has no delivery checks: load the checklist (inspection, '
                    'commissioning, deliverables) first.') % order.name)
            open_checks = checks.filtered(lambda c: not c.done)
            if open_checks:
                raise UserError(_(
                    'Order %s is not ready for delivery. Open checks:\n%s') % (
                    order.name, '\n'.join('- %s' % c.name for c in open_checks)))
            order.write({
                'eco_delivery_ready': True,
                'eco_delivery_ready_date': fields.Date.context_today(order),
            })
        return True

    # ------------------------------------------------------------------ acceptance
    @api.multi
    def _eco_check_can_record_acceptance(self):
        for order in self:
            if order.state not in ('sale', 'done'):
                raise UserError(_('Order %s is not confirmed: no acceptance yet.')
                                % order.name)
            open_items = order.sudo().eco_rectification_ids.filtered(
                lambda r: r.state == 'open')
            if open_items:
                raise UserError(_(
                    'Order %s has open rectifications; close them before recording '
                    'a new acceptance:\n%s') % (
                    order.name, '\n'.join('- %s' % r.name for r in open_items)))

    @api.multi
    def _eco_ensure_acceptance_criteria(self):
        """Load the acceptance criteria templates into orders that have no
        criteria yet (before an acceptance is recorded)."""
        for order in self:
            if not order.sudo().eco_acceptance_criterion_ids:
                order.action_eco_load_acceptance_criteria()
        return True

    @api.multi
    def action_eco_new_acceptance(self):
        self.ensure_one()
        self._eco_check_can_record_acceptance()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Acceptance'),
            'res_model': 'eco.acceptance',
            'view_mode': 'form',
            'target': 'current',
            'context': {'default_order_id': self.id},
        }
