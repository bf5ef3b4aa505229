# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cost sheet of a confirmed order (R5.1).

Estimate by category from the order lines (cost x quantity), labour (hours x rate)
and manual estimate lines; frozen as the baseline at confirmation. Actual cost from
real records, read for a whole batch of sheets with a fixed number of queries:

- analytic lines of the order's analytic account (vendor bills, expenses,
  timesheets): timesheets are labour, service products services, other products
  materials, lines without product other; stockable products are left to
- the stock valuation of the goods delivered for the order (done stock moves of
  its lines), so goods bought for the order are not counted twice;
- committed cost: confirmed purchase order lines on the analytic account not billed
  yet (shown apart).

Targets (eco.cost.target) per order type and product category give a target cost;
the variance of actual + committed against the baseline and the target is kept in
amount and %; when it passes a threshold (parameter
``eco_finance.cost_variance_thresholds``, % over the baseline), the salesperson and
the finance managers get an activity, once per threshold.
"""
from psycopg2 import sql

from odoo import _, api, fields, models
from odoo.tools import html_escape, split_every

CATEGORIES = [
    ('material', 'Materials and Equipment'),
    ('service', 'Services and Subcontracting'),
    ('labour', 'Labour'),
    ('other', 'Transport and Other'),
]
CATEGORY_KEYS = [key for key, _label in CATEGORIES]
THRESHOLDS_PARAM = 'eco_finance.cost_variance_thresholds'
BATCH_SIZE = 500


class EcoCostSheet(models.Model):
    _name = 'eco.cost.sheet'
    _description = 'Order Cost Sheet'
    _order = 'date desc, id desc'
    _rec_name = 'order_id'

    order_id = fields.Many2one('sale.order', required=True, ondelete='cascade',
                               index=True, readonly=True)
    company_id = fields.Many2one(related='order_id.company_id', store=True,
                                 readonly=True)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True)
    user_id = fields.Many2one(related='order_id.user_id', store=True, readonly=True,
                              string='Salesperson')
    team_id = fields.Many2one(related='order_id.team_id', store=True, readonly=True)
    order_type_id = fields.Many2one(related='order_id.order_type_id', store=True,
                                    readonly=True)
    partner_id = fields.Many2one(related='order_id.partner_id', store=True,
                                 readonly=True, string='Customer')
    analytic_account_id = fields.Many2one(
        related='order_id.analytic_account_id', readonly=True)
    date = fields.Date(string='Confirmed On', readonly=True)
    revenue = fields.Monetary(readonly=True, help='Untaxed amount of the order.')

    baseline_material = fields.Monetary(string='Estimate: Materials', readonly=True)
    baseline_service = fields.Monetary(string='Estimate: Services', readonly=True)
    baseline_labour = fields.Monetary(string='Estimate: Labour', readonly=True)
    baseline_other = fields.Monetary(string='Estimate: Other', readonly=True)
    baseline_total = fields.Monetary(string='Estimate', readonly=True)
    actual_material = fields.Monetary(string='Actual: Materials', readonly=True)
    actual_service = fields.Monetary(string='Actual: Services', readonly=True)
    actual_labour = fields.Monetary(string='Actual: Labour', readonly=True)
    actual_other = fields.Monetary(string='Actual: Other', readonly=True)
    actual_total = fields.Monetary(string='Actual', readonly=True)
    committed = fields.Monetary(string='Committed', readonly=True,
                                help='Confirmed purchase order lines not billed yet.')
    target_cost = fields.Monetary(readonly=True)
    variance = fields.Monetary(string='Variance vs Estimate', readonly=True,
                               help='Actual + committed - estimate.')
    variance_percent = fields.Float(string='Variance vs Estimate (%)', readonly=True,
                                    group_operator='avg')
    target_variance = fields.Monetary(string='Variance vs Target', readonly=True)
    target_variance_percent = fields.Float(string='Variance vs Target (%)',
                                           readonly=True, group_operator='avg')
    alert_threshold = fields.Float(
        string='Alerted Threshold (%)', readonly=True, copy=False,
        help='Highest variance threshold already alerted (once per threshold).')
    refresh_date = fields.Datetime(string='Refreshed On', readonly=True)

    _sql_constraints = [
        ('order_uniq', 'unique(order_id)', 'An order has one cost sheet.'),
    ]

    # ------------------------------------------------------------ baseline
    @api.model
    def _eco_category_of_product(self, product):
        return 'service' if product.type == 'service' else 'material'

    @api.multi
    def _eco_estimate(self):
        """{sheet id: {category: amount}} from the order lines and the estimate
        lines of the orders."""
        result = {sheet.id: dict.fromkeys(CATEGORY_KEYS, 0.0) for sheet in self}
        for sheet in self:
            est = result[sheet.id]
            for line in sheet.order_id.order_line.filtered('product_id'):
                est[self._eco_category_of_product(line.product_id)] += \
                    line.purchase_price * line.product_uom_qty
            for line in sheet.order_id.eco_cost_estimate_line_ids:
                est[line.category] += line.amount
        return result

    @api.multi
    def _eco_set_baseline(self):
        estimates = self._eco_estimate()
        for sheet in self:
            est = estimates[sheet.id]
            sheet.write(dict(
                {'baseline_%s' % key: est[key] for key in CATEGORY_KEYS},
                baseline_total=sum(est.values()),
                revenue=sheet.order_id.amount_untaxed))

    # ------------------------------------------------------------ actual
    @api.multi
    def _eco_actual(self):
        """{sheet id: {category: amount, 'committed': amount}}, 4 queries."""
        result = {sheet.id: dict.fromkeys(CATEGORY_KEYS + ['committed'], 0.0)
                  for sheet in self}
        by_account = {sheet.order_id.analytic_account_id.id: sheet.id
                      for sheet in self if sheet.order_id.analytic_account_id}
        cr = self.env.cr
        if by_account:
            cr.execute("""
                SELECT aal.account_id,
                       CASE WHEN aal.project_id IS NOT NULL THEN 'labour'
                            WHEN aal.product_id IS NULL THEN 'other'
                            WHEN pt.type = 'service' THEN 'service'
                            ELSE 'material' END,
                       -SUM(aal.amount)
                  FROM account_analytic_line aal
                  LEFT JOIN product_product pp ON pp.id = aal.product_id
                  LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE aal.account_id IN %s AND aal.amount < 0
                   AND (pt.type IS NULL OR pt.type != 'product')
                 GROUP BY 1, 2
            """, (tuple(by_account),))
            for account_id, category, amount in cr.fetchall():
                result[by_account[account_id]][category] += amount
            cr.execute("""
                SELECT pol.account_analytic_id,
                       SUM((pol.product_qty - pol.qty_invoiced) * pol.price_unit)
                  FROM purchase_order_line pol
                  JOIN purchase_order po ON po.id = pol.order_id
                 WHERE pol.account_analytic_id IN %s
                   AND po.state IN ('purchase', 'done')
                   AND pol.product_qty > pol.qty_invoiced
                 GROUP BY 1
            """, (tuple(by_account),))
            for account_id, amount in cr.fetchall():
                result[by_account[account_id]]['committed'] += amount
        by_order = {sheet.order_id.id: sheet.id for sheet in self}
        if by_order:
            cr.execute("""
                SELECT sol.order_id, -SUM(sm.value)
                  FROM stock_move sm
                  JOIN sale_order_line sol ON sol.id = sm.sale_line_id
                  JOIN product_product pp ON pp.id = sm.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE sol.order_id IN %s AND sm.state = 'done'
                   AND pt.type = 'product'
                 GROUP BY 1
            """, (tuple(by_order),))
            for order_id, amount in cr.fetchall():
                result[by_order[order_id]]['material'] += amount or 0.0
        return result

    @api.multi
    def _eco_target(self):
        """{sheet id: target cost} from the cost targets (order type, category)."""
        targets = self.env['eco.cost.target'].sudo().search([])
        result = {}
        for sheet in self:
            order = sheet.order_id
            order_type = order.order_type_id
            total = 0.0
            matched = False
            for line in order.order_line.filtered('product_id'):
                target = targets._eco_match(order_type, line.product_id.categ_id)
                if target and target.min_margin:
                    total += line.price_subtotal * (1 - target.min_margin / 100.0)
                    matched = True
                else:
                    total += line.price_subtotal
            cap = targets._eco_match(order_type, False)
            if cap and cap.max_cost:
                total = min(total, cap.max_cost) if matched else cap.max_cost
                matched = True
            result[sheet.id] = total if matched else 0.0
        return result

    @api.multi
    def _eco_refresh(self):
        """Recompute actual, committed, target and variance of the sheets in
        batches (a fixed number of queries per batch: the reads above and one
        UPDATE), then send the variance alerts."""
        columns = ['actual_%s' % key for key in CATEGORY_KEYS] + [
            'actual_total', 'committed', 'target_cost', 'variance',
            'variance_percent', 'target_variance', 'target_variance_percent']
        for chunk in split_every(BATCH_SIZE, self.ids):
            sheets = self.browse(chunk)
            actuals = sheets._eco_actual()
            targets = sheets._eco_target()
            rows = []
            for sheet in sheets:
                act = actuals[sheet.id]
                actual_total = sum(act[key] for key in CATEGORY_KEYS)
                spent = actual_total + act['committed']
                target = targets[sheet.id]
                variance = spent - sheet.baseline_total
                rows.append(tuple([sheet.id] + [act[key] for key in CATEGORY_KEYS] + [
                    actual_total, act['committed'], target, variance,
                    sheet.baseline_total and (
                        100.0 * variance / sheet.baseline_total) or 0.0,
                    target and spent - target or 0.0,
                    target and 100.0 * (spent - target) / target or 0.0]))
            query = sql.SQL(
                'UPDATE eco_cost_sheet s SET {sets}, refresh_date = %s, '
                'write_date = %s, write_uid = %s FROM (VALUES {rows}) '
                'AS v(id, {cols}) WHERE s.id = v.id').format(
                sets=sql.SQL(', ').join(
                    sql.SQL('{0} = v.{0}').format(sql.Identifier(c))
                    for c in columns),
                rows=sql.SQL(', ').join(sql.Placeholder() * len(rows)),
                cols=sql.SQL(', ').join(sql.Identifier(c) for c in columns))
            now = fields.Datetime.now()
            self.env.cr.execute(query.as_string(self.env.cr._obj),
                                [now, now, self.env.uid] + rows)
            sheets.invalidate_cache(columns + ['refresh_date'], sheets.ids)
            sheets._eco_variance_alerts()
        return True

    @api.model
    def _eco_thresholds(self):
        value = self.env['ir.config_parameter'].sudo().get_param(
            THRESHOLDS_PARAM, '10,25')
        thresholds = []
        for part in value.split(','):
            try:
                thresholds.append(float(part))
            except ValueError:
                continue
        return sorted(t for t in thresholds if t > 0)

    @api.multi
    def _eco_variance_alerts(self):
        thresholds = self._eco_thresholds()
        managers = self.env.ref('account.group_account_manager').users.filtered(
            lambda u: not u.share)
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        model_id = self.env['ir.model']._get_id('sale.order')
        today = fields.Date.context_today(self)
        vals_list = []
        alerted = {}
        for sheet in self:
            passed = [t for t in thresholds
                      if sheet.variance_percent >= t and t > sheet.alert_threshold]
            if not passed:
                continue
            threshold = max(passed)
            users = sheet.order_id.user_id | managers
            note = html_escape(_(
                'Cost of order %s is %.1f %% over its estimate (threshold %.0f %%): '
                'estimate %.2f, actual %.2f, committed %.2f.') % (
                sheet.order_id.name, sheet.variance_percent, threshold,
                sheet.baseline_total, sheet.actual_total, sheet.committed))
            for user in users:
                vals_list.append({
                    'res_model_id': model_id, 'res_id': sheet.order_id.id,
                    'user_id': user.id, 'activity_type_id': activity_type.id,
                    'summary': _('Cost variance over %.0f %%') % threshold,
                    'note': note, 'date_deadline': today})
            alerted[threshold] = alerted.get(threshold, self.browse()) | sheet
        # one write per threshold reached, not per sheet
        for threshold, sheets in alerted.items():
            sheets.write({'alert_threshold': threshold})
        self.env['mail.activity'].sudo()._eco_create_bulk(vals_list)

    @api.model
    def _eco_cron_refresh(self):
        sheets = self.search([('order_id.state', 'in', ('sale', 'done'))])
        return sheets._eco_refresh()

    @api.multi
    def action_refresh(self):
        self.check_access_rule('read')
        self.sudo()._eco_refresh()
        return True
