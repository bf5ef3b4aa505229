# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Orders: compliance clauses R4.1, R4.2, R9.1 and "ask for help"."""
from odoo import _, api, fields, models


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    eco_lead_load = fields.Integer(
        string='Lead Load at Allocation', readonly=True, copy=False,
        help='Open orders of the project lead, this one included, when the '
             'order was allocated.')
    eco_lead_cap = fields.Integer(
        string='Lead Cap at Allocation', readonly=True, copy=False)

    @api.multi
    def _eco_after_allocation(self):
        res = super(SaleOrder, self)._eco_after_allocation()
        for order in self:
            lead = order.eco_project_lead_id
            if lead:
                load = order._eco_lead_loads(lead.ids).get(lead.id, 0)
                order.sudo().write({'eco_lead_load': load,
                                    'eco_lead_cap': lead.eco_order_cap})
        return res

    @api.multi
    def action_eco_ask_help(self):
        self.ensure_one()
        employee = self.env['hr.employee'].search(
            [('user_id', '=', self.env.uid)], limit=1)
        return {
            'type': 'ir.actions.act_window',
            'name': _('Ask for Help'),
            'res_model': 'eco.help.request',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_order_id': self.id,
                        'default_employee_id': employee.id},
        }

    # ------------------------------------------------------------------
    # compliance clauses (eco_order registry)
    # ------------------------------------------------------------------
    @api.multi
    def _eco_compliance_hr_trained_staff(self):
        """R4.1: the project lead and the milestone owners hold the trainings
        and certifications the order type and business area require."""
        Requirement = self.env['eco.qualification.requirement']
        users = self.mapped('eco_project_lead_id')
        milestones = self.env['eco.order.milestone'].sudo().search(
            [('order_id', 'in', self.ids), ('user_id', '!=', False)])
        users |= milestones.mapped('user_id')
        employees = self.env['hr.employee'].sudo().search(
            [('user_id', 'in', users.ids)])
        employee_of = {e.user_id.id: e for e in employees}
        all_requirements = Requirement.browse()
        per_order = {}
        for order in self:
            per_order[order.id] = Requirement._eco_for_order(order)
            all_requirements |= per_order[order.id]
        missing = employees._eco_missing_qualifications(all_requirements)
        res = {}
        for order in self:
            requirements = per_order[order.id]
            staff = order.eco_project_lead_id | milestones.filtered(
                lambda m: m.order_id == order).mapped('user_id')
            if not requirements or not staff:
                res[order.id] = ('na', _('No required training or nobody allocated'))
                continue
            gaps = []
            for user in staff:
                employee = employee_of.get(user.id)
                if not employee:
                    gaps.append(_('%s has no employee record') % user.name)
                    continue
                for req, state, _rec in missing.get(employee.id, []):
                    if req in requirements:
                        gaps.append('%s: %s (%s)' % (employee.name, req.name, state))
            if gaps:
                res[order.id] = ('missing', '; '.join(gaps))
            else:
                res[order.id] = ('met', _('%d people trained as required') % len(staff))
        return res

    @api.multi
    def _eco_compliance_hr_appraisal_done(self):
        """R4.2: the project lead's appraisal of the period of the allocation
        is done (not applicable while the period is open)."""
        today = fields.Date.context_today(self)
        periods = self.env['eco.appraisal.period'].sudo().search(
            [('date_to', '<', today)])
        appraisals = self.env['eco.appraisal'].sudo().search(
            [('period_id', 'in', periods.ids),
             ('employee_user_id', 'in', self.mapped('eco_project_lead_id').ids)])
        res = {}
        for order in self:
            date = (order.eco_allocation_date or '')[:10]
            period = periods.filtered(
                lambda p: date and p.date_from <= date <= p.date_to)[:1]
            if not order.eco_project_lead_id or not period:
                res[order.id] = ('na', _('No closed appraisal period'))
                continue
            appraisal = appraisals.filtered(
                lambda a: a.period_id == period
                and a.employee_user_id == order.eco_project_lead_id)[:1]
            if appraisal.state == 'done':
                res[order.id] = ('met', _('Appraisal %s done') % period.name)
            else:
                res[order.id] = ('missing', _('Appraisal %s not done') % period.name)
        return res

    @api.multi
    def _eco_compliance_hr_within_cap(self):
        """R9.1: the project lead was within the cap when allocated."""
        res = {}
        for order in self:
            if not order.eco_project_lead_id or not order.eco_lead_load:
                res[order.id] = ('na', _('Not allocated'))
            elif order.eco_lead_cap and order.eco_lead_load > order.eco_lead_cap:
                res[order.id] = ('missing', _('Allocated over the cap: %d open orders '
                                              '(cap %d)') % (order.eco_lead_load,
                                                             order.eco_lead_cap))
            else:
                res[order.id] = ('met', _('%d open orders at allocation (cap %d)') % (
                    order.eco_lead_load, order.eco_lead_cap))
        return res
