# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order's installation jobs, its commissioning gate on delivery readiness
and acceptance (R10.1), its material links (R7.1) and the compliance clauses
R6.1, R6.2, R6.3 and R10.1."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .eco_installation_job import PASSED_STATES


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    eco_installation_job_ids = fields.One2many(
        'eco.installation.job', 'order_id', string='Installation Jobs',
        groups='eco_order.group_eco_order_user')
    eco_installation_job_count = fields.Integer(
        compute='_compute_eco_installation_job_count', string='Installation Jobs',
        groups='eco_order.group_eco_order_user')
    eco_commissioning_state = fields.Selection(
        [('none', 'No Installation'), ('open', 'In Progress'), ('failed', 'Failed'),
         ('passed', 'Passed')], string='Commissioning',
        compute='_compute_eco_commissioning_state', store=True)
    eco_purchase_ids = fields.One2many(
        'purchase.order', 'eco_sale_order_id', string='Purchases', readonly=True,
        groups='purchase.group_purchase_user')

    @api.depends('eco_installation_job_ids')
    def _compute_eco_installation_job_count(self):
        data = self.env['eco.installation.job'].read_group(
            [('order_id', 'in', self.ids)], ['order_id'], ['order_id'])
        counts = {row['order_id'][0]: row['order_id_count'] for row in data}
        for order in self:
            order.eco_installation_job_count = counts.get(order.id, 0)

    @api.depends('eco_installation_job_ids.state')
    def _compute_eco_commissioning_state(self):
        for order in self:
            jobs = order.sudo().eco_installation_job_ids.filtered(
                lambda j: j.state != 'cancelled')
            if not jobs:
                order.eco_commissioning_state = 'none'
            elif all(job.state in PASSED_STATES for job in jobs):
                order.eco_commissioning_state = 'passed'
            elif any(job.state == 'failed' for job in jobs):
                order.eco_commissioning_state = 'failed'
            else:
                order.eco_commissioning_state = 'open'

    @api.multi
    def action_confirm(self):
        """The deliveries take the agreed delivery method of the order."""
        res = super(SaleOrder, self).action_confirm()
        for order in self.filtered('eco_delivery_method'):
            order.sudo().picking_ids.filtered(
                lambda p: not p.eco_delivery_method
                and p.state not in ('done', 'cancel')).write(
                {'eco_delivery_method': order.eco_delivery_method})
        return res

    # ------------------------------------------------------------------ gates
    @api.multi
    def _eco_check_commissioning_passed(self):
        for order in self:
            if order.eco_commissioning_state in ('open', 'failed'):
                raise UserError(_(
                    'Order %s: the commissioning has not passed yet (installation '
                    'jobs: %s).') % (order.name, ', '.join(
                        order.sudo().eco_installation_job_ids.filtered(
                            lambda j: j.state not in PASSED_STATES + ('cancelled',)
                        ).mapped('name'))))

    @api.multi
    def action_eco_delivery_ready(self):
        self._eco_check_commissioning_passed()
        return super(SaleOrder, self).action_eco_delivery_ready()

    @api.multi
    def _eco_check_can_record_acceptance(self):
        self._eco_check_commissioning_passed()
        return super(SaleOrder, self)._eco_check_can_record_acceptance()

    @api.multi
    def action_eco_new_installation_job(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Installation Job'),
            'res_model': 'eco.installation.job',
            'view_mode': 'form',
            'context': {'default_order_id': self.id},
        }

    @api.multi
    def action_eco_view_installation_jobs(self):
        self.ensure_one()
        action = self.env.ref('eco_stock.eco_installation_job_action').read()[0]
        action['domain'] = [('order_id', '=', self.id)]
        action['context'] = {'default_order_id': self.id}
        return action

    # ------------------------------------------------------------------ material
    @api.multi
    def _eco_material_purchases(self):
        """Exact for the purchases made by procurement: eco_order's matches plus
        the purchase orders whose procurement group belongs to the order (stored
        ``purchase.order.eco_sale_order_id``, one indexed search)."""
        result = super(SaleOrder, self)._eco_material_purchases()
        if 'purchase.order' not in self.env:
            return result
        linked = self.env['purchase.order'].sudo().search(
            [('eco_sale_order_id', 'in', self.ids), ('state', '!=', 'cancel')],
            order='date_planned, id')
        by_order = {}
        for purchase in linked:
            by_order.setdefault(purchase.eco_sale_order_id.id, linked.browse())
            by_order[purchase.eco_sale_order_id.id] |= purchase
        for order_id, purchases in by_order.items():
            if order_id in result:
                result[order_id] = (result[order_id] or linked.browse()) | purchases
        return result

    # ------------------------------------------------------------------ compliance
    @api.multi
    def _eco_compliance_purchase_qualified(self):
        """R6.1: every purchase order of the order from a qualified vendor (or
        overridden by a purchase manager with a reason)."""
        purchases = self._eco_material_purchases()
        res = {}
        for order in self:
            order_purchases = purchases.get(order.id) or self.env['purchase.order']
            confirmed = order_purchases.filtered(
                lambda p: p.state in ('purchase', 'done'))
            if not confirmed:
                res[order.id] = ('na', _('No confirmed purchase order'))
                continue
            bad = confirmed.filtered(lambda p: p._eco_supplier_block_reasons())
            overridden = confirmed.filtered('eco_qualification_override')
            if bad:
                res[order.id] = ('missing', _('Vendor not qualified: %s') % ', '.join(
                    bad.mapped('name')))
            elif overridden:
                res[order.id] = ('late', _('Qualification overridden: %s') % ', '.join(
                    overridden.mapped('name')))
            else:
                res[order.id] = ('met', _('%d purchase orders from qualified vendors')
                                 % len(confirmed))
        return res

    @api.multi
    def _eco_compliance_counts_on_schedule(self):
        """R6.2: the cycle counts of the order's warehouse done by their deadline
        (none overdue)."""
        today = fields.Date.context_today(self)
        Count = self.env['stock.cycle.count'].sudo()
        res = {}
        for order in self:
            overdue = Count.search_count([
                ('location_id', 'child_of', order.warehouse_id.view_location_id.id),
                ('state', 'in', ('draft', 'open')), ('date_deadline', '<', today)])
            if order.state not in ('sale', 'done'):
                res[order.id] = ('na', _('Not confirmed'))
            elif overdue:
                res[order.id] = ('late', _('%d cycle counts overdue') % overdue)
            else:
                res[order.id] = ('met', _('No cycle count overdue'))
        return res

    @api.multi
    def _eco_compliance_delivered_on_time(self):
        """R6.3: the deliveries done by the agreed delivery date."""
        res = {}
        today = fields.Date.context_today(self)
        for order in self:
            outgoing = order.sudo().picking_ids.filtered(
                lambda p: p.picking_type_code == 'outgoing' and p.state != 'cancel')
            agreed = order.eco_delivery_date
            if not outgoing or not agreed:
                res[order.id] = ('na', _('No delivery or no agreed date'))
                continue
            late = outgoing.filtered(lambda p: (
                p.state == 'done' and p.date_done[:10] > agreed))
            open_late = outgoing.filtered(
                lambda p: p.state != 'done' and today > agreed)
            if late:
                res[order.id] = ('late', _('Delivered after %s') % agreed)
            elif open_late:
                res[order.id] = ('missing', _('Not delivered by %s') % agreed)
            elif all(p.state == 'done' for p in outgoing):
                res[order.id] = ('met', _('Delivered by %s') % agreed)
            else:
                res[order.id] = ('na', _('Delivery due on %s') % agreed)
        return res

    @api.multi
    def _eco_compliance_commissioning_before_acceptance(self):
        """R10.1: commissioning passed before the acceptance."""
        res = {}
        for order in self:
            jobs = order.sudo().eco_installation_job_ids.filtered(
                lambda j: j.state != 'cancelled')
            acceptances = order.sudo().eco_acceptance_ids
            if not jobs:
                res[order.id] = ('na', _('No installation job'))
            elif not acceptances:
                res[order.id] = ('na', _('No acceptance yet'))
            else:
                first = min(acceptances.mapped('create_date'))
                late = jobs.filtered(lambda j: not j.date_commissioned
                                     or j.commissioning_result != 'passed'
                                     or j.date_commissioned > first)
                if late:
                    res[order.id] = ('missing', _(
                        'Acceptance before the commissioning passed: %s') % ', '.join(
                            late.mapped('name')))
                else:
                    res[order.id] = ('met', _('Commissioning passed before the '
                                              'acceptance'))
        return res
