# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models
from odoo.exceptions import UserError


class ProcurementRule(models.Model):
    _inherit = 'procurement.rule'

    def _make_po_select_supplier(self, values, suppliers):
        """RFQs made by procurement (MTO/buy, reordering rules): the best vendor
        qualified for the product's category. Unqualified vendors are skipped;
        among the qualified ones the highest evaluation score wins, then the
        supplier list's order (sequence, price)."""
        category = suppliers[:1].product_tmpl_id.categ_id
        if not suppliers or not category._eco_requires_qualified_vendor():
            return super(ProcurementRule, self)._make_po_select_supplier(
                values, suppliers)
        qualified = suppliers.filtered(
            lambda s: not s.name.commercial_partner_id._eco_unqualified_categories(
                category) and s.name.commercial_partner_id.eco_supplier_state
            == 'qualified')
        if not qualified:
            raise UserError(_(
                'No qualified vendor for %s: the vendors of its supplier list (%s) '
                'are not qualified for the category %s.') % (
                suppliers[0].product_tmpl_id.display_name,
                ', '.join(suppliers.mapped('name.name')), category.complete_name))
        ranked = qualified.sorted(key=lambda s: (
            -s.name.commercial_partner_id.eco_supplier_score, s.sequence, s.price,
            s.id))
        return super(ProcurementRule, self)._make_po_select_supplier(values, ranked)
