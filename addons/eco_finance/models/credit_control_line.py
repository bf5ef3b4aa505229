# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Automatic actions of the dunning levels (see credit_control_run.py)."""
from odoo import _, api, fields, models
from odoo.tools import html_escape


class CreditControlLine(models.Model):
    _inherit = 'credit.control.line'

    @api.multi
    def _eco_do_level_actions(self):
        """Carry out each level's automatic action on new lines (grouped per level)."""
        by_action = {}
        for line in self:
            action = line.policy_level_id.eco_action
            if action:
                by_action.setdefault(action, self.browse())
                by_action[action] |= line
        for action, lines in by_action.items():
            getattr(lines, '_eco_action_%s' % action)()

    @api.multi
    def _eco_action_mail(self):
        self.write({'state': 'to_be_sent'})
        Comm = self.env['credit.control.communication']
        comms = Comm._generate_comm_from_credit_lines(self)
        comms._generate_emails()

    @api.multi
    def _eco_action_letter(self):
        self.write({'state': 'to_be_sent'})
        Comm = self.env['credit.control.communication']
        comms = Comm._generate_comm_from_credit_lines(self)
        report = self.env.ref('account_credit_control.credit_control_summary')
        for comm in comms:
            pdf = report.render_qweb_pdf(comm.ids)[0]
            partner = comm.partner_id.commercial_partner_id
            partner.message_post(
                body=_('Formal payment reminder (%s) kept as PDF.') % html_escape(
                    comm.current_policy_level.name),
                attachments=[(_('Payment reminder %s.pdf') % fields.Date.to_string(
                    fields.Date.from_string(comm.report_date)), pdf)])
        comms._mark_credit_line_as_sent()
        self.write({'date_sent': fields.Date.context_today(self)})

    def _eco_activity_vals(self, records, user, summary, note):
        activity_type = self.env.ref('mail.mail_activity_data_call')
        today = fields.Date.context_today(self)
        model_id = self.env['ir.model']._get_id(records._name)
        return [{
            'res_model_id': model_id, 'res_id': rec.id, 'user_id': user.id,
            'activity_type_id': activity_type.id, 'summary': summary,
            'note': note, 'date_deadline': today,
        } for rec in records]

    @api.multi
    def _eco_action_call_hold(self):
        vals_list = []
        for line in self:
            invoice = line.invoice_id
            user = (invoice.user_id or line.partner_id.commercial_partner_id.user_id
                    or self.env.user)
            record = invoice or line
            vals_list += self._eco_activity_vals(
                record, user, _('Payment reminder call'),
                html_escape(_('Call %s about the overdue amount %.2f (due %s).') % (
                    line.partner_id.commercial_partner_id.name, line.balance_due,
                    line.date_due)))
            line.partner_id._eco_set_credit_hold(
                _('Dunning level "%s" reached for %s') % (
                    line.policy_level_id.name,
                    invoice.number or line.move_line_id.name or ''))
        self.env['mail.activity'].sudo()._eco_create_bulk(vals_list)
        self.write({'state': 'sent', 'date_sent': fields.Date.context_today(self)})

    @api.multi
    def _eco_action_escalate(self):
        managers = self.env.ref('account.group_account_manager').users.filtered(
            lambda u: u.active and u.share is False)
        vals_list = []
        for line in self:
            users = line.policy_level_id.eco_activity_user_id or managers
            record = line.invoice_id or line
            for user in users:
                vals_list += self._eco_activity_vals(
                    record, user, _('Escalated overdue invoice'),
                    html_escape(_('%s still owes %.2f (due %s) after every reminder: '
                                  'decide on collection.') % (
                        line.partner_id.commercial_partner_id.name,
                        line.balance_due, line.date_due)))
        self.env['mail.activity'].sudo()._eco_create_bulk(vals_list)
        self.write({'state': 'sent', 'date_sent': fields.Date.context_today(self)})
