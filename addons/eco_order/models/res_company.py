# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Per-company intake settings: which intake channels need the review (R2.2), which
products customers and staff pick on order requests."""
from odoo import api, fields, models
from odoo.osv import expression

# channel key -> field of res.company that says whether the channel needs review
INTAKE_REVIEW_FIELDS = [
    ('phone', 'eco_intake_review_phone'),
    ('email', 'eco_intake_review_email'),
    ('portal', 'eco_intake_review_portal'),
    ('fax', 'eco_intake_review_fax'),
    ('other', 'eco_intake_review_other'),
    ('system', 'eco_intake_review_system'),
]


class ResCompany(models.Model):
    _inherit = 'res.company'

    eco_intake_review_phone = fields.Boolean(
        string='Review Phone Requests', default=True)
    eco_intake_review_email = fields.Boolean(
        string='Review Email Requests', default=True)
    eco_intake_review_portal = fields.Boolean(
        string='Review Portal Requests', default=True)
    eco_intake_review_fax = fields.Boolean(
        string='Review Fax Requests', default=True)
    eco_intake_review_other = fields.Boolean(
        string='Review Other Requests', default=True)
    eco_intake_review_system = fields.Boolean(
        string='Review Direct Sales / Other Applications', default=False,
        help='Orders created outside the intake: quotations made in the Sales menus '
             'without choosing a channel, orders of other applications, imports.')
    eco_request_categ_ids = fields.Many2many(
        comodel_name='product.category', relation='eco_company_request_categ_rel',
        column1='company_id', column2='categ_id',
        string='Order Request Product Categories',
        help='Products offered on the portal request form and in the Order Requests '
             'menu: the saleable products of these categories and their '
             'subcategories. Empty: every saleable product.')

    @api.multi
    def _eco_intake_review_channels(self):
        """Set of the intake channel keys that need the review in this company
        (add-ons adding a channel extend it with super())."""
        self.ensure_one()
        return {key for key, name in INTAKE_REVIEW_FIELDS if self[name]}

    @api.multi
    def _eco_request_product_domain(self):
        """Domain of the products offered on order requests in this company (the
        portal request form, the product choice of the Order Requests menu)."""
        self.ensure_one()
        domain = [('sale_ok', '=', True),
                  '|', ('company_id', '=', False), ('company_id', '=', self.id)]
        if self.eco_request_categ_ids:
            categ = [('categ_id', 'child_of', self.eco_request_categ_ids.ids)]
            unspecified = self.env.ref(
                'eco_order.product_product_eco_unspecified', raise_if_not_found=False)
            if unspecified:
                # "Item to be identified" stays available to the staff
                categ = expression.OR([categ, [('id', '=', unspecified.id)]])
            domain = expression.AND([domain, categ])
        return domain
