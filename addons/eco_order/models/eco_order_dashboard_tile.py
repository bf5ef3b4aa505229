# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order manager's dashboard (issue 14): one tile per figure, read at a
glance, each opening the list behind it.

The tiles are data records; their figures are computed when read, as the
reading user (record rules apply: order staff count only the orders they may
read), for the user's current company.
"""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.tools import html_escape

TILE_CODES = [
    ('intake_new', 'New requests'),
    ('intake_review', 'Requests in review'),
    ('intake_clarification', 'Requests in clarification'),
    ('response_hours', 'Average time to first response'),
    ('response_waiting', 'Requests awaiting a first response'),
    ('milestones_late', 'Late milestones'),
    ('acceptances_pending', 'Acceptances pending'),
    ('compliance_rate', 'Compliance rate by clause'),
]
# days of received requests that the average response time covers
RESPONSE_PERIOD_DAYS = 30
# compliance results that count for the rate (met among met, late, missing)
COMPLIANCE_COUNTED = ('met', 'late', 'missing')


class EcoOrderDashboardTile(models.Model):
    _name = 'eco.order.dashboard.tile'
    _description = 'Order Dashboard Tile'
    _order = 'sequence, id'

    name = fields.Char(string='Tile', required=True, translate=True)
    code = fields.Selection(TILE_CODES, required=True)
    sequence = fields.Integer(default=10)
    section = fields.Selection([
        ('intake', 'Open requests'),
        ('response', 'First response'),
        ('delivery', 'Delivery'),
        ('acceptance', 'Acceptance'),
        ('compliance', 'Compliance'),
    ], required=True, default='intake')
    value = fields.Float(
        string='Figure', compute='_compute_figures', digits=(16, 2),
        help='Count, hours or percent, for the reading user and company.')
    value_display = fields.Char(string='Shown As', compute='_compute_figures')
    alert = fields.Boolean(
        compute='_compute_figures', help='The figure asks for attention.')
    detail_html = fields.Html(
        string='Detail', compute='_compute_figures', sanitize=False)

    _sql_constraints = [
        ('code_uniq', 'unique(code)', 'There is one tile per figure.'),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends('code')
    def _compute_figures(self):
        for tile in self:
            value, display, detail = tile._eco_figure()
            tile.value = value
            tile.value_display = display
            tile.detail_html = detail
            tile.alert = bool(value) and tile.code in (
                'response_waiting', 'milestones_late', 'intake_clarification')

    # ------------------------------------------------------------------ figures
    @api.multi
    def _eco_company(self):
        return self.env.user.company_id

    @api.multi
    def _eco_request_domain(self):
        """Open requests of the company whose channel needs the intake review."""
        company = self._eco_company()
        channels = sorted(company.sudo()._eco_intake_review_channels())
        return [('company_id', '=', company.id), ('state', '=', 'draft'),
                ('intake_channel', 'in', channels)]

    @api.multi
    def _eco_target(self):
        """(model, domain) of the records behind this tile."""
        self.ensure_one()
        company = self._eco_company()
        now = fields.Datetime.now()
        code = self.code
        if code.startswith('intake_'):
            return 'sale.order', self._eco_request_domain() + [
                ('intake_state', '=', code[len('intake_'):])]
        if code == 'response_waiting':
            return 'sale.order', self._eco_request_domain() + [
                ('intake_state', 'in', ['new', 'review', 'clarification']),
                ('intake_first_response_date', '=', False)]
        if code == 'response_hours':
            since = fields.Datetime.to_string(
                fields.Datetime.from_string(now) - timedelta(days=RESPONSE_PERIOD_DAYS))
            channels = sorted(company.sudo()._eco_intake_review_channels())
            return 'sale.order', [
                ('company_id', '=', company.id), ('state', '!=', 'cancel'),
                ('intake_channel', 'in', channels),
                ('intake_received_date', '>=', since),
                ('intake_first_response_date', '!=', False)]
        if code == 'milestones_late':
            return 'eco.order.milestone', [
                ('company_id', '=', company.id), ('state', '=', 'pending'),
                ('deadline', '<', now)]
        if code == 'acceptances_pending':
            return 'eco.acceptance', [
                ('company_id', '=', company.id), ('state', 'in', ['draft', 'passed'])]
        if code == 'compliance_rate':
            return 'eco.compliance.line', [
                ('order_id.company_id', '=', company.id),
                ('result', 'in', list(COMPLIANCE_COUNTED))]
        return None, []

    @api.multi
    def _eco_figure(self):
        """(value, text shown, detail html) of this tile for the reading user."""
        self.ensure_one()
        model, domain = self._eco_target()
        if not model:
            return 0.0, '', False
        records = self.env[model]
        if self.code == 'response_hours':
            hours = [r['intake_response_hours'] for r in records.search_read(
                domain, ['intake_response_hours'])]
            if not hours:
                return 0.0, '-', False
            average = round(sum(hours) / len(hours), 2)
            return average, _('%.1f h') % average, False
        if self.code == 'compliance_rate':
            return self._eco_compliance_figure(records, domain)
        count = records.search_count(domain)
        return float(count), '%d' % count, False

    @api.model
    def _eco_compliance_rates(self, domain):
        """[(clause, met, counted)] per clause, in clause order, for ``domain``
        on the compliance lines (one read_group)."""
        Line = self.env['eco.compliance.line']
        groups = Line.read_group(
            domain, ['clause_id', 'result'], ['clause_id', 'result'], lazy=False)
        totals = {}
        for group in groups:
            clause_id = group['clause_id'] and group['clause_id'][0]
            if not clause_id:
                continue
            met, counted = totals.get(clause_id, (0, 0))
            if group['result'] == 'met':
                met += group['__count']
            totals[clause_id] = (met, counted + group['__count'])
        clauses = self.env['eco.compliance.clause'].browse(list(totals)).sorted(
            lambda c: (c.sequence, c.code or '', c.id))
        return [(clause,) + totals[clause.id] for clause in clauses]

    @api.multi
    def _eco_compliance_figure(self, records, domain):
        rates = self._eco_compliance_rates(domain)
        met = sum(r[1] for r in rates)
        counted = sum(r[2] for r in rates)
        if not counted:
            return 0.0, '-', False
        rate = round(100.0 * met / counted, 1)
        rows = ''.join(
            '<tr><td>%s</td><td>%s</td><td class="text-right">%s</td></tr>' % (
                html_escape(clause.code or ''), html_escape(clause.name or ''),
                '%.0f%%' % (100.0 * clause_met / clause_counted))
            for clause, clause_met, clause_counted in rates)
        detail = ('<table class="table table-condensed o_eco_dashboard_clauses">'
                  '<tbody>%s</tbody></table>') % rows
        return rate, '%.1f%%' % rate, detail

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_open(self):
        """The list behind the tile, filtered as the figure counts it."""
        self.ensure_one()
        model, domain = self._eco_target()
        action = {
            'type': 'ir.actions.act_window',
            'name': self.name,
            'res_model': model,
            'view_mode': 'tree,form',
            'views': [(False, 'tree'), (False, 'form')],
            'domain': domain,
            'target': 'current',
            'context': {},
        }
        if self.code == 'compliance_rate':
            action['context'] = {'group_by': ['clause_id', 'result']}
        return action
