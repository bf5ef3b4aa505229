# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Calls for tenders (R6.1): equipment purchases over an amount go through a
purchase_requisition; its competing quotations are compared (price, lead time,
vendor score) and the decision is logged."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape


class PurchaseRequisition(models.Model):
    _inherit = 'purchase.requisition'

    eco_comparison = fields.Html(
        string='Quotation Comparison', compute='_compute_eco_comparison')
    eco_decision = fields.Text(string='Decision', readonly=True, copy=False,
                               track_visibility='onchange')
    eco_selected_purchase_id = fields.Many2one(
        'purchase.order', string='Selected Quotation', readonly=True, copy=False,
        track_visibility='onchange')

    @api.multi
    def _eco_quotation_rows(self):
        """(purchase, amount, lead time in days, vendor score) of each quotation,
        cheapest first."""
        self.ensure_one()
        rows = []
        for purchase in self.purchase_ids.filtered(lambda p: p.state != 'cancel'):
            lead = 0
            if purchase.date_planned and purchase.date_order:
                lead = (fields.Datetime.from_string(purchase.date_planned)
                        - fields.Datetime.from_string(purchase.date_order)).days
            rows.append((purchase, purchase.amount_total, lead,
                         purchase.partner_id.commercial_partner_id.eco_supplier_score))
        return sorted(rows, key=lambda r: (r[1], r[2], -r[3]))

    @api.depends('purchase_ids.amount_total', 'purchase_ids.date_planned')
    def _compute_eco_comparison(self):
        head = (_('Quotation'), _('Vendor'), _('Amount'), _('Lead Time (days)'),
                _('Vendor Score'))
        for requisition in self:
            rows = requisition._eco_quotation_rows()
            if not rows:
                requisition.eco_comparison = False
                continue
            html = ['<table class="table table-condensed"><thead><tr>']
            html.extend('<th>%s</th>' % html_escape(h) for h in head)
            html.append('</tr></thead><tbody>')
            for purchase, amount, lead, score in rows:
                html.append('<tr><td>%s</td><td>%s</td><td>%.2f</td><td>%d</td>'
                            '<td>%.2f</td></tr>' % (
                                html_escape(purchase.name),
                                html_escape(purchase.partner_id.name), amount, lead,
                                score))
            html.append('</tbody></table>')
            requisition.eco_comparison = ''.join(html)

    @api.multi
    def _eco_decide(self, purchase, reason):
        """Select the winning quotation; the others are cancelled. Logged."""
        self.ensure_one()
        reason = (reason or '').strip()
        if purchase not in self.purchase_ids:
            raise UserError(_('This quotation does not belong to the call for '
                              'tenders.'))
        if not reason:
            raise UserError(_('Give the reason of the decision.'))
        lines = ['%s %s: %.2f, %d d, %.2f' % (p.name, p.partner_id.name, a, l, s)
                 for p, a, l, s in self._eco_quotation_rows()]
        self.write({'eco_selected_purchase_id': purchase.id, 'eco_decision': reason})
        self.message_post(body=_('Decision: %s (%s). Reason: %s<br/>Compared: %s') % (
            html_escape(purchase.name), html_escape(purchase.partner_id.name),
            html_escape(reason), html_escape('; '.join(lines))), subtype='mail.mt_note')
        (self.purchase_ids - purchase).filtered(
            lambda p: p.state in ('draft', 'sent')).button_cancel()
        return True
