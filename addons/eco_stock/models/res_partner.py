# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Vendor qualification (R6.1) on the commercial partner.

``eco_supplier_state`` is the vendor's overall state; a vendor qualified only
for some product categories has qualification lines
(``eco.supplier.qualification``): then it is qualified for those categories
(and their sub-categories) only. Only purchase managers change the state.
"""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import html_escape

SUPPLIER_STATES = [
    ('candidate', 'Candidate'),
    ('qualified', 'Qualified'),
    ('suspended', 'Suspended'),
    ('disqualified', 'Disqualified'),
]
ECO_QUALIFY_KEY = 'eco_supplier_qualify'


class ResPartner(models.Model):
    _inherit = 'res.partner'

    eco_supplier_state = fields.Selection(
        SUPPLIER_STATES, string='Vendor Qualification', default='candidate',
        track_visibility='onchange', copy=False, index=True,
        help='Candidate: not approved yet; Qualified: purchase orders may be '
             'confirmed (for the categories of its qualification lines when it has '
             'some); Suspended / Disqualified: no purchase order can be confirmed. '
             'Held by the commercial partner.')
    eco_supplier_approved_by_id = fields.Many2one(
        'res.users', string='Qualification Decided By', readonly=True, copy=False,
        track_visibility='onchange')
    eco_supplier_approved_date = fields.Datetime(
        string='Qualification Decided On', readonly=True, copy=False)
    eco_supplier_state_reason = fields.Char(
        string='Qualification Reason', readonly=True, copy=False,
        track_visibility='onchange')
    eco_qualification_ids = fields.One2many(
        'eco.supplier.qualification', 'partner_id', string='Qualified Categories')
    eco_document_ids = fields.One2many(
        'eco.supplier.document', 'partner_id', string='Qualification Documents')
    eco_evaluation_ids = fields.One2many(
        'eco.supplier.evaluation', 'partner_id', string='Evaluations')
    eco_supplier_score = fields.Float(
        string='Vendor Score', readonly=True, copy=False,
        help='Weighted total of the last done evaluation.')

    @api.multi
    def write(self, vals):
        if 'eco_supplier_state' in vals and not self.env.context.get(ECO_QUALIFY_KEY) \
                and not self.env.user._is_superuser() \
                and any(p.eco_supplier_state != vals['eco_supplier_state']
                        for p in self):
            self._eco_check_purchase_manager()
        return super(ResPartner, self).write(vals)

    @api.model
    def _eco_check_purchase_manager(self):
        if self.env.user._is_superuser():
            return
        if not self.env.user.has_group('purchase.group_purchase_manager'):
            raise AccessError(_('Only purchase managers may change the '
                                'qualification of a vendor.'))

    @api.model
    def _eco_qualify_existing_vendors(self):
        """Install hook: every existing vendor (commercial partner with supplier
        information or purchase orders, or flagged as vendor) becomes qualified."""
        self.env.cr.execute("""
            UPDATE res_partner p SET eco_supplier_state = 'qualified',
                   eco_supplier_approved_date = now() at time zone 'UTC'
             WHERE p.id = p.commercial_partner_id
               AND p.eco_supplier_state = 'candidate'
               AND (p.supplier
                    OR EXISTS (SELECT 1 FROM product_supplierinfo s
                               WHERE s.name = p.id)
                    OR EXISTS (SELECT 1 FROM purchase_order o
                               WHERE o.partner_id = p.id))
        """)
        self.invalidate_cache(['eco_supplier_state'])

    @api.multi
    def _eco_set_supplier_state(self, state, reason=False):
        """Change the qualification of these vendors' commercial partners
        (purchase managers, or the system for the crons)."""
        self._eco_check_purchase_manager()
        labels = dict(SUPPLIER_STATES)
        for partner in self.mapped('commercial_partner_id'):
            partner.with_context(**{ECO_QUALIFY_KEY: True}).write({
                'eco_supplier_state': state,
                'eco_supplier_approved_by_id': self.env.uid,
                'eco_supplier_approved_date': fields.Datetime.now(),
                'eco_supplier_state_reason': reason or False,
            })
            partner.message_post(
                body=_('Vendor qualification: %s.') % labels[state]
                + ((' ' + _('Reason: %s') % html_escape(reason)) if reason else ''),
                subtype='mail.mt_note')
        return True

    @api.multi
    def action_eco_qualify(self):
        return self._eco_set_supplier_state('qualified')

    @api.multi
    def action_eco_suspend(self):
        return self._eco_set_supplier_state('suspended')

    @api.multi
    def action_eco_disqualify(self):
        return self._eco_set_supplier_state('disqualified')

    @api.multi
    def action_eco_candidate(self):
        return self._eco_set_supplier_state('candidate')

    @api.multi
    def _eco_qualified_categories(self):
        """Categories this vendor may supply: ``True`` for all, or the set of the
        qualified categories' ids (with their children), or an empty set."""
        self.ensure_one()
        vendor = self.commercial_partner_id
        if vendor.eco_supplier_state != 'qualified':
            return set()
        lines = vendor.sudo().eco_qualification_ids
        if not lines:
            return True
        qualified = lines.filtered(lambda l: l.state == 'qualified').mapped('categ_id')
        if not qualified:
            return set()
        return set(self.env['product.category'].sudo().search(
            [('id', 'child_of', qualified.ids)]).ids)

    @api.multi
    def _eco_unqualified_categories(self, categories):
        """The categories of ``categories`` this vendor is not qualified for."""
        allowed = self._eco_qualified_categories()
        if allowed is True:
            return categories.browse()
        return categories.filtered(lambda c: c.id not in allowed)
