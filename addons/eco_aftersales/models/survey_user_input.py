# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Satisfaction survey answers linked to orders, tickets and the people who
worked on them (R9.3); a low score opens a corrective action."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.tools import html_escape


class SurveyUserInput(models.Model):
    _inherit = 'survey.user_input'

    eco_order_id = fields.Many2one('sale.order', string='Order', index=True,
                                   ondelete='set null')
    eco_ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', index=True,
                                    ondelete='set null')
    eco_employee_ids = fields.Many2many(
        'hr.employee', 'survey_user_input_eco_employee_rel', 'input_id',
        'employee_id', string='Worked On By')
    eco_kind = fields.Selection(
        [('order', 'After Acceptance'), ('ticket', 'After Ticket')],
        string='Satisfaction Survey', index=True)
    eco_score = fields.Float(
        string='Score (%)', readonly=True, group_operator='avg',
        help='Marks obtained over the highest marks of the questions, 0 to 100.')
    eco_low_score = fields.Boolean(string='Low Score', readonly=True, index=True)
    eco_date_done = fields.Date(string='Answered On', readonly=True, index=True)
    eco_reminder_sent = fields.Boolean(readonly=True, copy=False)
    eco_action_id = fields.Many2one(
        'mgmtsystem.action', string='Corrective Action', readonly=True, copy=False)

    @api.model
    def _eco_survey(self, kind):
        """The survey sent after an acceptance (``order``) or a ticket."""
        key = 'eco_aftersales.survey_%s_id' % kind
        survey_id = self.env['ir.config_parameter'].sudo().get_param(key)
        survey = self.env['survey.survey'].sudo().browse(
            int(survey_id) if survey_id and survey_id.isdigit() else 0).exists()
        if not survey:
            survey = self.env.ref('eco_aftersales.survey_survey_eco_%s' % kind,
                                  raise_if_not_found=False)
        return survey

    @api.model
    def _eco_invite(self, survey, partner, document, **vals):
        """Create the invitation of ``partner`` to ``survey`` and post the link
        on ``document`` to the customer."""
        kind = 'ticket' if vals.get('ticket_id') else 'order'
        values = {
            'survey_id': survey.id,
            'partner_id': partner.id,
            'email': partner.email,
            'type': 'link',
            'eco_kind': kind,
            'eco_order_id': vals.get('order_id'),
            'eco_ticket_id': vals.get('ticket_id'),
            'eco_employee_ids': vals.get('employee_ids') or [],
        }
        user_input = self.sudo().create(values)
        url = '%s/%s' % (survey.public_url, user_input.token)
        document.sudo().message_post(
            body=_('<p>Please tell us how satisfied you are: '
                   '<a href="%s">%s</a></p>') % (html_escape(url),
                                                 html_escape(survey.title)),
            subject=_('Your opinion on %s') % document.display_name,
            partner_ids=[partner.id], message_type='comment',
            subtype='mail.mt_note')
        return user_input

    @api.multi
    def write(self, vals):
        res = super(SurveyUserInput, self).write(vals)
        if vals.get('state') == 'done':
            self.filtered('eco_kind')._eco_on_done()
        return res

    @api.multi
    def _eco_compute_score(self):
        """0-100: marks obtained over the highest marks of the answered survey's
        scored questions."""
        self.ensure_one()
        best = 0.0
        for question in self.survey_id.page_ids.mapped('question_ids'):
            marks = question.labels_ids.mapped('quizz_mark')
            if marks:
                best += max(marks)
        if not best:
            return 0.0
        return round(100.0 * self.quizz_score / best, 2)

    @api.multi
    def _eco_on_done(self):
        threshold = float(self.env['ir.config_parameter'].sudo().get_param(
            'eco_aftersales.low_score_threshold', 60.0))
        for user_input in self.sudo():
            score = user_input._eco_compute_score()
            low = score < threshold
            super(SurveyUserInput, user_input).write({
                'eco_score': score, 'eco_low_score': low,
                'eco_date_done': fields.Date.context_today(user_input)})
            if low and not user_input.eco_action_id:
                user_input._eco_open_corrective_action()
        return True

    @api.multi
    def _eco_manager(self):
        """Who handles a low score: the ticket team's manager, else the sales
        team leader of the order, else the service manager of the company."""
        self.ensure_one()
        manager = self.eco_ticket_id.team_id.eco_manager_id
        order = self.eco_order_id or self.eco_ticket_id.eco_order_id
        if not manager and order:
            manager = order.team_id.user_id
        if not manager:
            group = self.env.ref('eco_aftersales.group_eco_service_manager')
            manager = group.users.filtered(lambda u: not u.share)[:1]
        return manager or self.env.user

    @api.multi
    def _eco_open_corrective_action(self):
        self.ensure_one()
        manager = self._eco_manager()
        document = self.eco_ticket_id or self.eco_order_id
        name = _('Low satisfaction score %s%% on %s') % (
            self.eco_score, document.display_name)
        action = self.env['mgmtsystem.action'].sudo().create({
            'name': name,
            'type_action': 'correction',
            'user_id': manager.id,
            'description': '<p>%s</p>' % html_escape(name),
            'date_deadline': fields.Date.context_today(self),
        })
        super(SurveyUserInput, self).write({'eco_action_id': action.id})
        self.env['mail.activity'].sudo().create({
            'res_model_id': self.env['ir.model']._get('mgmtsystem.action').id,
            'res_id': action.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
            'summary': name,
            'user_id': manager.id,
            'date_deadline': fields.Date.context_today(self),
        })
        return action

    @api.model
    def _eco_reminder_days(self):
        value = self.env['ir.config_parameter'].sudo().get_param(
            'eco_aftersales.survey_reminder_days', '7')
        try:
            return max(int(value), 0)
        except ValueError:
            return 7

    @api.model
    def _cron_eco_remind(self, days=None, batch_size=500):
        """Remind once the customers who did not answer within ``days`` (the
        ``eco_aftersales.survey_reminder_days`` setting when not given). The
        batch is locked (``SKIP LOCKED``) so two workers never remind twice."""
        if days is None:
            days = self._eco_reminder_days()
        limit = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now())
            - timedelta(days=days))
        self.env.cr.execute(
            "SELECT id FROM survey_user_input "
            "WHERE eco_kind IS NOT NULL AND state != 'done' "
            "AND NOT COALESCE(eco_reminder_sent, FALSE) AND create_date < %s "
            "ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED", (limit, batch_size))
        inputs = self.sudo().browse([row[0] for row in self.env.cr.fetchall()])
        for user_input in inputs:
            document = user_input.eco_ticket_id or user_input.eco_order_id
            url = '%s/%s' % (user_input.survey_id.public_url, user_input.token)
            document.message_post(
                body=_('<p>Reminder: your opinion matters to us: '
                       '<a href="%s">%s</a></p>') % (
                           html_escape(url), html_escape(user_input.survey_id.title)),
                partner_ids=[user_input.partner_id.id], message_type='comment',
                subtype='mail.mt_note')
        inputs.write({'eco_reminder_sent': True})
        return len(inputs)
