# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.tools import html_escape


class TierReview(models.Model):
    _inherit = 'tier.review'

    @api.multi
    def unlink(self):
        if self.env.context.get('eco_keep_reviews'):
            self = self.filtered(lambda r: r.model != 'sale.order')
        return super(TierReview, self).unlink()

    @api.multi
    def _eco_schedule_activities(self):
        """One activity per reviewer of the sale order reviews just requested."""
        activity_type = self.env.ref('eco_finance.mail_activity_type_pricing_review')
        model_id = self.env['ir.model']._get_id('sale.order')
        today = fields.Date.context_today(self)
        vals_list = []
        for review in self.filtered(lambda r: r.model == 'sale.order'):
            order = self.env['sale.order'].browse(review.res_id)
            for user in review.reviewer_ids:
                vals_list.append({
                    'res_model_id': model_id, 'res_id': order.id, 'user_id': user.id,
                    'activity_type_id': activity_type.id,
                    'summary': _('Special-pricing review: %s') % review.name,
                    'note': html_escape(_('Review quotation %s (%s) and approve or '
                                          'reject it.') % (order.name, review.name)),
                    'date_deadline': today,
                })
        return self.env['mail.activity']._eco_create_bulk(vals_list)
