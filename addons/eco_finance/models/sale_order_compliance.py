# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Clauses R5.2 and R5.3 of eco_order's compliance registry
(data/eco_compliance_data.xml)."""
from datetime import timedelta

from odoo import _, api, fields, models


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    @api.multi
    def _eco_compliance_cost_target(self):
        """R5.1: actual + committed cost within the order's target cost."""
        sheets = self.env['eco.cost.sheet'].sudo().search(
            [('order_id', 'in', self.ids)])
        by_order = {sheet.order_id.id: sheet for sheet in sheets}
        res = {}
        for order in self:
            sheet = by_order.get(order.id)
            if not sheet or not sheet.target_cost:
                res[order.id] = ('na', _('No cost target'))
            elif sheet.target_variance <= 0:
                res[order.id] = ('met', _('Within target (%.1f %%)') % (
                    sheet.target_variance_percent))
            else:
                res[order.id] = ('missing', _('Over target by %.2f (%.1f %%)') % (
                    sheet.target_variance, sheet.target_variance_percent))
        return res

    @api.multi
    def _eco_compliance_special_pricing(self):
        """R5.2: a quotation that needed a special-pricing review was approved
        before it went to the customer or was confirmed."""
        res = {}
        for order in self:
            reviews = order.sudo().review_ids
            if not reviews:
                res[order.id] = ('na', _('No special-pricing review needed'))
            elif all(r.status == 'approved' for r in reviews):
                res[order.id] = ('met', _('Approved: %s') % ', '.join(
                    reviews.mapped('name')))
            elif order.state in ('sent', 'sale', 'done'):
                res[order.id] = ('missing', _('Sent or confirmed without approval'))
            else:
                res[order.id] = ('na', _('Review in progress'))
        return res

    @api.multi
    def _eco_compliance_collection(self):
        """R5.3: every open invoice of the order got its due-date reminder once it
        came within the reminder days, and an overdue one reached the first
        dunning level on time."""
        Invoice = self.env['account.invoice'].sudo()
        today = fields.Date.from_string(fields.Date.context_today(self))
        remind_limit = fields.Date.to_string(
            today + timedelta(days=Invoice._eco_reminder_days()))
        company = self.env.user.company_id
        first_level = company.credit_policy_id.level_ids[:1]
        dunning_limit = fields.Date.to_string(
            today - timedelta(days=first_level.delay_days + 1)
        ) if first_level else False
        invoices = Invoice.search([
            ('invoice_line_ids.sale_line_ids.order_id', 'in', self.ids),
            ('type', '=', 'out_invoice'), ('state', '=', 'open')])
        by_order = {}
        for invoice in invoices:
            for order in invoice.invoice_line_ids.mapped('sale_line_ids.order_id'):
                by_order.setdefault(order.id, Invoice.browse())
                by_order[order.id] |= invoice
        res = {}
        for order in self:
            open_invoices = by_order.get(order.id)
            if not open_invoices:
                res[order.id] = ('na', _('No open invoice'))
                continue
            missed = open_invoices.filtered(
                lambda i: i.date_due and i.date_due <= remind_limit
                and not i.eco_reminder_date)
            late = open_invoices.filtered(
                lambda i: dunning_limit and i.date_due and i.date_due < dunning_limit
                and not i.credit_control_line_ids)
            if missed:
                res[order.id] = ('missing', _('No reminder for %s') % ', '.join(
                    missed.mapped('number')))
            elif late:
                res[order.id] = ('late', _('Dunning not started for %s') % ', '.join(
                    late.mapped('number')))
            else:
                res[order.id] = ('met', _('%d open invoices followed up') % len(
                    open_invoices))
        return res
