# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Progress emails to the customer when a milestone is reached (R7.1, R9.2)."""
from odoo import api, fields, models


class EcoOrderMilestone(models.Model):
    _inherit = 'eco.order.milestone'

    customer_notified_date = fields.Datetime(
        string='Customer Notified On', readonly=True, copy=False,
        help='When the progress email of this milestone was sent to the customer.')

    @api.multi
    def get_eco_next_milestone(self):
        """The next pending milestone of the order (used by the progress email)."""
        self.ensure_one()
        return self.search([('order_id', '=', self.order_id.id),
                            ('state', '!=', 'done'), ('id', '!=', self.id)],
                           order='sequence, deadline, id', limit=1)

    @api.multi
    def get_eco_portal_url(self):
        """Absolute link to the order on the customer portal."""
        self.ensure_one()
        base_url = self.env['ir.config_parameter'].sudo().get_param('web.base.url')
        return '%s/my/orders/%s' % (base_url, self.order_id.id)

    @api.multi
    def _eco_notify_customer(self):
        """Send the progress email (template) in the order's chatter and record when."""
        self.ensure_one()
        if not self.notify_customer:
            return
        template = self.env.ref('eco_order.mail_template_eco_progress',
                                raise_if_not_found=False)
        if not template:
            return super(EcoOrderMilestone, self)._eco_notify_customer()
        order = self.order_id
        values = template.generate_email(self.id, fields=['subject', 'body_html'])
        order.message_post(
            body=values.get('body_html'), subject=values.get('subject'),
            partner_ids=order.partner_id.ids,
            message_type='comment', subtype='mail.mt_comment')
        self.write({'customer_notified_date': fields.Datetime.now()})
