# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Periodic vendor evaluation from real receipts (R6.1).

Scores (0-100) of a vendor for a period:
- on time: share of its receipts done in the period whose done date is on or
  before the scheduled date (same day counts as on time);
- quality: 100 x (1 - rejected quantity / received quantity), the rejected
  quantity being the quantity of the failed quality inspections of those
  receipts (quality_control_stock);
- price: for each product bought in the period, 100 x (average price of the
  other vendors' confirmed purchase lines of that product) / (this vendor's
  average price), at most 100, averaged over the products; 100 without
  comparison;
- service: entered by purchasing.
The total is the weighted mean (system parameters eco_stock.weight_on_time,
_quality, _price, _service: 40/30/20/10); grade A >= 90, B >= 75, C >= 60,
else D. Below eco_stock.evaluation_threshold (60) the evaluation proposes to
suspend the vendor (an activity for the purchase managers).
"""
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

WEIGHTS = (('on_time', 40.0), ('quality', 30.0), ('price', 20.0), ('service', 10.0))
GRADES = ((90.0, 'A'), (75.0, 'B'), (60.0, 'C'))


class EcoSupplierEvaluation(models.Model):
    _name = 'eco.supplier.evaluation'
    _description = 'Vendor Evaluation'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date_to desc, id desc'

    name = fields.Char(compute='_compute_name', store=True)
    partner_id = fields.Many2one(
        'res.partner', string='Vendor', required=True, ondelete='cascade', index=True,
        readonly=True, states={'draft': [('readonly', False)]})
    date_from = fields.Date(required=True, readonly=True,
                            states={'draft': [('readonly', False)]})
    date_to = fields.Date(required=True, readonly=True,
                          states={'draft': [('readonly', False)]})
    receipt_count = fields.Integer(readonly=True)
    on_time_count = fields.Integer(readonly=True)
    received_qty = fields.Float(readonly=True)
    rejected_qty = fields.Float(readonly=True)
    on_time_score = fields.Float(readonly=True)
    quality_score = fields.Float(readonly=True)
    price_score = fields.Float(readonly=True)
    service_score = fields.Float(
        default=100.0, readonly=True, states={'draft': [('readonly', False)]},
        help='Manual score 0-100: responsiveness, documentation, after-sales.')
    total_score = fields.Float(readonly=True, track_visibility='onchange')
    grade = fields.Selection(
        [('A', 'A'), ('B', 'B'), ('C', 'C'), ('D', 'D')], readonly=True,
        track_visibility='onchange')
    suspension_proposed = fields.Boolean(readonly=True, copy=False)
    state = fields.Selection(
        [('draft', 'Draft'), ('done', 'Done')], default='draft', required=True,
        readonly=True, track_visibility='onchange')

    @api.depends('partner_id', 'date_from', 'date_to')
    def _compute_name(self):
        for evaluation in self:
            evaluation.name = '%s %s - %s' % (
                evaluation.partner_id.name or '', evaluation.date_from or '',
                evaluation.date_to or '')

    @api.constrains('service_score', 'date_from', 'date_to')
    def _check_values(self):
        for evaluation in self:
            if not 0.0 <= evaluation.service_score <= 100.0:
                raise ValidationError(_('The service score is between 0 and 100.'))
            if evaluation.date_to < evaluation.date_from:
                raise ValidationError(_('The period ends before it starts.'))

    @api.model
    def _eco_weights(self):
        params = self.env['ir.config_parameter'].sudo()
        weights = {}
        for key, default in WEIGHTS:
            try:
                weights[key] = float(params.get_param(
                    'eco_stock.weight_%s' % key, default))
            except (TypeError, ValueError):
                weights[key] = default
        return weights

    @api.model
    def _eco_threshold(self):
        try:
            return float(self.env['ir.config_parameter'].sudo().get_param(
                'eco_stock.evaluation_threshold', 60))
        except (TypeError, ValueError):
            return 60.0

    @api.model
    def _eco_grade(self, total):
        for limit, grade in GRADES:
            if total >= limit:
                return grade
        return 'D'

    @api.multi
    def _eco_receipts(self):
        self.ensure_one()
        return self.env['stock.picking'].sudo().search([
            ('partner_id', 'child_of', self.partner_id.commercial_partner_id.id),
            ('picking_type_code', '=', 'incoming'),
            ('state', '=', 'done'),
            ('date_done', '>=', self.date_from),
            ('date_done', '<', fields.Date.to_string(
                fields.Date.from_string(self.date_to)
                + timedelta(days=1))),
        ])

    @api.multi
    def _eco_price_score(self):
        """Mean over the products bought in the period of 100 x the other vendors'
        average price / this vendor's average price (capped at 100)."""
        self.ensure_one()
        vendor = self.partner_id.commercial_partner_id
        Line = self.env['purchase.order.line'].sudo()
        domain = [('order_id.state', 'in', ('purchase', 'done')),
                  ('order_id.date_order', '>=', self.date_from),
                  ('order_id.date_order', '<=', self.date_to + ' 23:59:59')]
        own = Line.read_group(
            domain + [('partner_id', 'child_of', vendor.id)],
            ['product_id', 'price_unit'], ['product_id'])
        product_ids = [row['product_id'][0] for row in own if row['product_id']]
        if not product_ids:
            return 100.0
        others = Line.read_group(
            [('order_id.state', 'in', ('purchase', 'done')),
             ('product_id', 'in', product_ids),
             ('partner_id', 'not in', vendor.child_ids.ids + [vendor.id])],
            ['product_id', 'price_unit'], ['product_id'])
        # read_group sums: divide by the counts for the averages
        other_avg = {row['product_id'][0]: row['price_unit'] / row['product_id_count']
                     for row in others if row['product_id_count']}
        scores = []
        for row in own:
            if not row['product_id']:
                continue
            avg = row['price_unit'] / row['product_id_count']
            other = other_avg.get(row['product_id'][0])
            if not other or not avg:
                scores.append(100.0)
            else:
                scores.append(min(100.0, 100.0 * other / avg))
        return sum(scores) / len(scores)

    @api.multi
    def action_compute(self):
        weights = self._eco_weights()
        for evaluation in self:
            if evaluation.state != 'draft':
                raise UserError(_('Evaluation %s is done.') % evaluation.name)
            receipts = evaluation._eco_receipts()
            on_time = receipts.filtered(
                lambda p: p.date_done[:10] <= (p.scheduled_date or p.date_done)[:10])
            moves = receipts.mapped('move_lines').filtered(lambda m: m.state == 'done')
            received = sum(moves.mapped('quantity_done'))
            inspections = self.env['qc.inspection'].sudo().search([
                ('picking_id', 'in', receipts.ids), ('state', '=', 'failed')])
            rejected = sum(inspections.mapped('qty'))
            on_time_score = 100.0 * len(on_time) / len(receipts) if receipts else 100.0
            quality_score = (100.0 * max(0.0, 1.0 - rejected / received)
                             if received else 100.0)
            price_score = evaluation._eco_price_score()
            scores = {'on_time': on_time_score, 'quality': quality_score,
                      'price': price_score, 'service': evaluation.service_score}
            total_weight = sum(weights.values()) or 1.0
            total = sum(scores[k] * weights[k] for k in scores) / total_weight
            evaluation.write({
                'receipt_count': len(receipts),
                'on_time_count': len(on_time),
                'received_qty': received,
                'rejected_qty': rejected,
                'on_time_score': round(on_time_score, 2),
                'quality_score': round(quality_score, 2),
                'price_score': round(price_score, 2),
                'total_score': round(total, 2),
                'grade': self._eco_grade(round(total, 2)),
            })
        return True

    @api.multi
    def action_done(self):
        self.action_compute()
        threshold = self._eco_threshold()
        managers = self.env['eco.supplier.document']._eco_purchase_managers()
        for evaluation in self:
            vendor = evaluation.partner_id.commercial_partner_id
            vendor.sudo().write({'eco_supplier_score': evaluation.total_score})
            vals = {'state': 'done'}
            if evaluation.total_score < threshold:
                vals['suspension_proposed'] = True
                for user in managers:
                    evaluation._eco_schedule_activity(
                        user, _('Vendor %s scored %.2f (grade %s): suspend?') % (
                            vendor.name, evaluation.total_score, evaluation.grade))
            evaluation.write(vals)
        return True

    @api.multi
    def _eco_schedule_activity(self, user, summary):
        self.ensure_one()
        return self.env['mail.activity'].sudo().create({
            'res_model_id': self.env['ir.model']._get_id(self._name),
            'res_id': self.id,
            'user_id': user.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
            'summary': summary,
            'date_deadline': fields.Date.context_today(self),
        })

    @api.multi
    def action_suspend_vendor(self):
        for evaluation in self:
            evaluation.partner_id._eco_set_supplier_state(
                'suspended', _('evaluation %s: %.2f (grade %s)') % (
                    evaluation.name, evaluation.total_score, evaluation.grade))
        return True

    @api.model
    def _cron_eco_evaluate_last_month(self):
        """Monthly: evaluate every vendor with receipts done last month (once per
        vendor and period; the service score stays at its default until edited)."""
        first = fields.Date.from_string(fields.Date.context_today(self)).replace(day=1)
        date_from = fields.Date.to_string(first - relativedelta(months=1))
        date_to = fields.Date.to_string(first - timedelta(days=1))
        groups = self.env['stock.picking'].sudo().read_group([
            ('picking_type_code', '=', 'incoming'), ('state', '=', 'done'),
            ('date_done', '>=', date_from), ('date_done', '<', fields.Date.to_string(
                first))], ['partner_id'], ['partner_id'])
        partners = self.env['res.partner'].browse(
            [g['partner_id'][0] for g in groups if g['partner_id']]).mapped(
                'commercial_partner_id')
        done = self.search([('partner_id', 'in', partners.ids),
                            ('date_from', '=', date_from),
                            ('date_to', '=', date_to)]).mapped('partner_id')
        evaluations = self.browse()
        for partner in partners - done:
            evaluations |= self.create({'partner_id': partner.id,
                                        'date_from': date_from, 'date_to': date_to})
        evaluations.action_done()
        return evaluations
