# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An order's service commitments, follow-ups, survey and review (R11, R9.3)."""
from odoo import _, api, fields, models


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    eco_acceptance_date = fields.Date(
        string='Accepted On', compute='_compute_eco_acceptance_date', store=True,
        help='Date of the passed acceptance: the warranty starts here.')
    eco_commitment_ids = fields.One2many(
        'eco.service.commitment', 'order_id', string='Service Commitments',
        copy=False, groups='eco_order.group_eco_order_user')
    eco_followup_ids = fields.One2many(
        'eco.service.followup', 'order_id', string='Follow-ups', copy=False,
        groups='eco_order.group_eco_order_user')
    eco_review_ids = fields.One2many(
        'eco.order.review', 'order_id', string='Reviews', copy=False,
        groups='eco_order.group_eco_order_user')
    eco_survey_input_id = fields.Many2one(
        'survey.user_input', string='Satisfaction Survey', copy=False,
        readonly=True, groups='eco_order.group_eco_order_user')
    eco_commitment_count = fields.Integer(compute='_compute_eco_commitment_count')

    @api.depends('eco_acceptance_ids.state', 'eco_acceptance_ids.date')
    def _compute_eco_acceptance_date(self):
        for order in self:
            passed = order.sudo().eco_acceptance_ids.filtered(
                lambda a: a.state in ('passed', 'signed'))
            order.eco_acceptance_date = min(passed.mapped('date')) if passed else False

    @api.multi
    def _compute_eco_commitment_count(self):
        data = self.env['eco.service.commitment'].read_group(
            [('order_id', 'in', self.ids)], ['order_id'], ['order_id'])
        counts = {d['order_id'][0]: d['order_id_count'] for d in data}
        for order in self:
            order.eco_commitment_count = counts.get(order.id, 0)

    @api.multi
    def _eco_create_commitments(self):
        """One commitment per product category of the order that has a template
        (missing ones only), with the order's equipment of that category."""
        Commitment = self.env['eco.service.commitment'].sudo()
        Template = self.env['eco.service.template'].sudo()
        created = Commitment
        for order in self:
            done = order.sudo().eco_commitment_ids.mapped('categ_id')
            categs = order.order_line.mapped('product_id.categ_id')
            equipment = self.env['eco.equipment'].sudo().search(
                [('order_id', '=', order.id), ('eco_commitment_id', '=', False)])
            for categ in categs - done:
                template = Template.search(
                    [('categ_id', 'parent_of', categ.id),
                     '|', ('company_id', '=', False),
                     ('company_id', '=', order.company_id.id)],
                    order='sequence, id', limit=1)
                if not template:
                    continue
                vals = Commitment._eco_template_values(template)
                vals.update({'order_id': order.id, 'template_id': template.id,
                             'categ_id': categ.id})
                commitment = Commitment.create(vals)
                equipment.filtered(
                    lambda e: e.product_id.categ_id == categ).write(
                        {'eco_commitment_id': commitment.id})
                commitment.action_activate()
                created |= commitment
        return created

    @api.multi
    def action_eco_create_commitments(self):
        self.check_access_rule('write')
        return self._eco_create_commitments()

    @api.multi
    def _eco_after_acceptance(self):
        """Called once an acceptance passes: commitments, follow-ups, survey."""
        self._eco_create_commitments()
        self.env['eco.service.followup'].sudo()._eco_schedule(self)
        self.sudo()._eco_send_satisfaction_survey()
        return True

    @api.multi
    def _eco_send_satisfaction_survey(self):
        """Invite the customer to the order survey, once per order."""
        survey = self.env['survey.user_input']._eco_survey('order')
        if not survey:
            return self.env['survey.user_input']
        inputs = self.env['survey.user_input']
        for order in self.filtered(lambda o: not o.eco_survey_input_id):
            employees = self.env['hr.employee'].sudo().search(
                [('user_id', '=', order.user_id.id)]) if order.user_id else []
            user_input = inputs._eco_invite(
                survey, order.partner_id, order, order_id=order.id,
                employee_ids=[(6, 0, employees and employees.ids or [])])
            order.eco_survey_input_id = user_input
            inputs |= user_input
        return inputs

    @api.multi
    def action_eco_view_commitments(self):
        self.ensure_one()
        action = self.env.ref('eco_aftersales.eco_service_commitment_action').read()[0]
        action['domain'] = [('order_id', '=', self.id)]
        action['context'] = {'default_order_id': self.id}
        return action

    @api.multi
    def _eco_review_reasons(self):
        """Why the order needs a review (translated), empty when it does not."""
        self.ensure_one()
        reasons = []
        threshold = float(self.env['ir.config_parameter'].sudo().get_param(
            'eco_aftersales.review_amount', 100000.0))
        if self.amount_total >= threshold:
            reasons.append(_('Amount over %s') % threshold)
        if self.sudo().eco_rectification_ids:
            reasons.append(_('Rectifications'))
        tickets = self.env['helpdesk.ticket'].sudo().search(
            [('eco_order_id', '=', self.id)])
        if tickets.filtered('eco_sla_breached'):
            reasons.append(_('SLA breaches'))
        if tickets:
            reasons.append(_('Complaints'))
        if self.sudo().eco_survey_input_id.eco_low_score:
            reasons.append(_('Low satisfaction score'))
        return reasons

    # ------------------------------------------------------------------ compliance
    @api.multi
    def _eco_compliance_service_commitment(self):
        """R11.1: an accepted order has an active service commitment."""
        data = self.env['eco.service.commitment'].sudo().read_group(
            [('order_id', 'in', self.ids), ('state', '=', 'active')],
            ['order_id'], ['order_id'])
        active = {d['order_id'][0]: d['order_id_count'] for d in data}
        res = {}
        for order in self:
            if not order.eco_acceptance_date:
                res[order.id] = ('na', _('Not accepted'))
            elif active.get(order.id):
                res[order.id] = ('met', _('%d active commitments') % active[order.id])
            else:
                res[order.id] = ('missing', _('No service commitment'))
        return res

    @api.multi
    def _eco_compliance_sla_followups(self):
        """R11.2: no SLA breach and no follow-up overdue."""
        today = fields.Date.context_today(self)
        Ticket = self.env['helpdesk.ticket'].sudo()
        Followup = self.env['eco.service.followup'].sudo()
        data = Ticket.read_group(
            [('eco_order_id', 'in', self.ids), ('eco_sla_breached', '=', True)],
            ['eco_order_id'], ['eco_order_id'])
        breached = {d['eco_order_id'][0]: d['eco_order_id_count'] for d in data}
        overdue = {d['order_id'][0]: d['order_id_count'] for d in Followup.read_group(
            [('order_id', 'in', self.ids), ('state', '=', 'planned'),
             ('date_due', '<', today)], ['order_id'], ['order_id'])}
        res = {}
        for order in self:
            if not order.eco_acceptance_date:
                res[order.id] = ('na', _('Not accepted'))
            elif breached.get(order.id):
                res[order.id] = ('late', _('%d tickets breached their SLA')
                                 % breached[order.id])
            elif overdue.get(order.id):
                res[order.id] = ('missing', _('%d follow-ups overdue')
                                 % overdue[order.id])
            else:
                res[order.id] = ('met', _('SLA met, follow-ups on schedule'))
        return res

    @api.multi
    def _eco_compliance_satisfaction_survey(self):
        """R9.3: the survey was sent after acceptance and answered."""
        res = {}
        for order in self:
            survey = order.sudo().eco_survey_input_id
            if not order.eco_acceptance_date:
                res[order.id] = ('na', _('Not accepted'))
            elif not survey:
                res[order.id] = ('missing', _('No satisfaction survey sent'))
            elif survey.state != 'done':
                res[order.id] = ('late', _('Survey not answered yet'))
            else:
                res[order.id] = ('met', _('Answered, score %s%%') % survey.eco_score)
        return res

    @api.multi
    def _eco_compliance_order_review(self):
        """R11.3: a review where needed, its actions closed by their deadline."""
        today = fields.Date.context_today(self)
        res = {}
        for order in self:
            if not order.eco_acceptance_date:
                res[order.id] = ('na', _('Not accepted'))
                continue
            reviews = order.sudo().eco_review_ids
            if not reviews:
                if order._eco_review_reasons():
                    res[order.id] = ('missing', _('Review needed, none done'))
                else:
                    res[order.id] = ('na', _('No review needed'))
                continue
            lessons = reviews.mapped('lesson_ids')
            late = lessons.filtered(lambda l: not l.action_closed and l.date_deadline
                                    and l.date_deadline < today)
            if late:
                res[order.id] = ('late', _('%d improvement actions overdue')
                                 % len(late))
            else:
                res[order.id] = ('met', _('Reviewed, actions on schedule'))
        return res

    @api.multi
    def _eco_service_terms(self):
        """What the customer is promised, for printing: the order's commitments,
        else the templates of its products' categories."""
        self.ensure_one()
        if self.eco_commitment_ids:
            return self.eco_commitment_ids
        Template = self.env['eco.service.template']
        templates = Template
        for categ in self.order_line.mapped('product_id.categ_id'):
            templates |= Template.search(
                [('categ_id', 'parent_of', categ.id),
                 '|', ('company_id', '=', False),
                 ('company_id', '=', self.company_id.id)],
                order='sequence, id', limit=1)
        return templates
