# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer progress feedback and questions on an order (R7.1, R9.2)."""
from odoo import _, api, fields, models
from odoo.tools import plaintext2html


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    @api.multi
    def _eco_project_lead(self):
        """User who answers the customer: the project lead, else the salesperson."""
        self.ensure_one()
        lead = 'eco_project_lead_id' in self._fields and self.eco_project_lead_id
        return lead or self.user_id

    @api.multi
    def _eco_portal_messages(self):
        """Messages of the order meant for the customer (discussions and mails,
        never internal notes), newest first; the portal calls it as sudo."""
        self.ensure_one()
        comment = self.env.ref('mail.mt_comment')
        return self.env['mail.message'].sudo().search([
            ('model', '=', self._name), ('res_id', '=', self.id),
            ('message_type', 'in', ('comment', 'email')),
            ('subtype_id', '=', comment.id),
        ], order='date desc, id desc')

    @api.multi
    def _eco_portal_clarification(self):
        """The question staff asked the customer while the request is in
        clarification (latest message to the customer not written by them)."""
        self.ensure_one()
        if self.intake_state != 'clarification':
            return self.env['mail.message']
        commercial = self.partner_id.commercial_partner_id
        return self._eco_portal_messages().filtered(
            lambda m: m.author_id.commercial_partner_id != commercial)[:1]

    @api.multi
    def _eco_portal_progress(self):
        """Milestone progress shown to the customer (the portal calls it as sudo)."""
        self.ensure_one()
        result = {'milestones': [], 'percent': 0, 'next': False, 'done_count': 0,
                  'total': 0}
        if 'eco.order.milestone' not in self.env:
            return result
        milestones = self.env['eco.order.milestone'].sudo().search(
            [('order_id', '=', self.id)], order='sequence, id')
        done = milestones.filtered(lambda m: m.state == 'done')
        pending = milestones - done
        result.update(
            milestones=milestones,
            done_count=len(done),
            total=len(milestones),
            percent=(int(round(100.0 * len(done) / len(milestones)))
                     if milestones else 0),
            next=pending[:1],
        )
        return result

    @api.multi
    def _eco_customer_question(self, message, partner, kind='question'):
        """Post a customer's question or opinion in the chatter, as the customer, and ask
        the project lead to answer (activity). Called as sudo by the portal."""
        self.ensure_one()
        if kind == 'opinion':
            title = _('Customer opinion / suggestion')
        elif kind == 'answer':
            title = _('Customer answer to the clarification')
        else:
            title = _('Customer question')
        body = '<p><strong>%s</strong></p>%s' % (title, plaintext2html(message))
        msg = self.with_context(mail_create_nosubscribe=True).message_post(
            body=body,
            message_type='comment', subtype='mail.mt_comment', author_id=partner.id)
        lead = self._eco_project_lead()
        if lead:
            self.env['mail.activity'].sudo().create({
                'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
                'res_model_id': self.env['ir.model']._get(self._name).id,
                'res_id': self.id,
                'user_id': lead.id,
                'summary': title,
                'note': plaintext2html(message),
                'date_deadline': fields.Date.context_today(self),
            })
        return msg
