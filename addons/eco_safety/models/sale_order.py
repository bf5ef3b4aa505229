# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Compliance clauses R8.1-R8.3 (eco_order's clause registry) and the
order-level site safety plan (an order with site work, before any job)."""
from odoo import _, api, fields, models


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    eco_safety_plan_count = fields.Integer(
        string='Safety Plans', compute='_compute_eco_safety_plan_count',
        groups='eco_order.group_eco_order_user,eco_safety.group_eco_safety_officer')

    @api.multi
    def _compute_eco_safety_plan_count(self):
        data = self.env['eco.safety.plan'].read_group(
            [('order_id', 'in', self.ids)], ['order_id'], ['order_id'])
        counts = {row['order_id'][0]: row['order_id_count'] for row in data}
        for order in self:
            order.eco_safety_plan_count = counts.get(order.id, 0)

    @api.multi
    def _eco_safety_risks(self):
        """The kinds of site work of the order's products (their categories or
        parent categories carry a risk): the order needs site work."""
        self.ensure_one()
        categories = self.order_line.mapped('product_id.categ_id')
        if not categories:
            return self.env['eco.safety.risk']
        return self.env['eco.safety.risk'].sudo().search(
            [('categ_ids', 'parent_of', categories.ids)])

    @api.multi
    def action_eco_safety_order_plan(self):
        """Open the order-level site safety plan, drawn up from the templates
        of the order's kinds of work if it has none yet (safety officers)."""
        self.ensure_one()
        Plan = self.env['eco.safety.plan']
        plan = Plan.search([('order_id', '=', self.id), ('is_order_plan', '=', True),
                            ('state', '!=', 'closed')], limit=1)
        if not plan:
            plan = Plan._eco_create_for_order(self)
        return plan._eco_form_action()

    @api.multi
    def action_eco_view_safety_plans(self):
        self.ensure_one()
        action = self.env.ref('eco_safety.eco_safety_plan_action').read()[0]
        action['domain'] = [('order_id', '=', self.id)]
        return action

    @api.multi
    def _eco_safety_jobs(self):
        self.ensure_one()
        return self.sudo().eco_installation_job_ids.filtered(
            lambda j: j.state != 'cancelled')

    @api.multi
    def _eco_compliance_safety_qualified(self):
        """R8.1: every technician of the order's jobs qualified for its risks."""
        res = {}
        for order in self:
            jobs = order._eco_safety_jobs()
            if not jobs:
                res[order.id] = ('na', _('No site job'))
                continue
            problems = []
            for job in jobs:
                problems += job._eco_safety_problems()
            if problems:
                res[order.id] = ('missing', '\n'.join(problems))
            else:
                res[order.id] = ('met', _('Everyone on the jobs is qualified'))
        return res

    @api.multi
    def _eco_compliance_safety_site(self):
        """R8.2: the safety plans of the order (order-level and job plans)
        approved, their inspections done, their hazards closed on time."""
        Hazard = self.env['eco.safety.hazard'].sudo()
        res = {}
        for order in self:
            plans = self.env['eco.safety.plan'].sudo().search(
                [('order_id', '=', order.id)])
            if not plans:
                res[order.id] = ('na', _('No site safety plan'))
                continue
            order_plans = plans.filtered('is_order_plan')
            draft = plans.filtered(lambda p: p.state == 'draft')
            today = fields.Date.context_today(self)
            late_inspections = plans.mapped('inspection_ids').filtered(
                lambda i: i.state == 'draft' and i.date < today)
            overdue = Hazard.search([('plan_id', 'in', plans.ids),
                                     ('deadline_state', '=', 'overdue')])
            late = Hazard.search([('plan_id', 'in', plans.ids),
                                  ('done_late', '=', True)])
            if draft:
                res[order.id] = ('missing', _('Plan not approved: %s') % ', '.join(
                    draft.mapped('name')))
            elif overdue or late_inspections:
                res[order.id] = ('missing', _(
                    '%d hazards overdue, %d inspections late') % (
                        len(overdue), len(late_inspections)))
            elif late:
                res[order.id] = ('late', _('%d hazards closed late') % len(late))
            else:
                res[order.id] = ('met', _(
                    'Plans approved (%d of the order, %d of jobs), hazards closed '
                    'on time') % (len(order_plans), len(plans - order_plans)))
        return res

    @api.multi
    def _eco_compliance_safety_emergency(self):
        """R8.3: the incidents of the order reported on time and the drills of
        the emergency plans on schedule."""
        Incident = self.env['eco.safety.incident'].sudo()
        overdue_drills = self.env['eco.safety.emergency.plan'].sudo().search_count(
            [('drill_overdue', '=', True)])
        res = {}
        for order in self:
            incidents = Incident.search([('order_id', '=', order.id),
                                         ('report_deadline', '!=', False)])
            unreported = incidents.filtered(lambda i: i.deadline_state == 'overdue'
                                            and i.report_deadline
                                            < fields.Datetime.now())
            late = incidents.filtered(lambda i: i.date_done
                                      and i.date_done > i.report_deadline)
            if unreported:
                res[order.id] = ('missing', _('Incident not reported on time: %s')
                                 % ', '.join(unreported.mapped('name')))
            elif late:
                res[order.id] = ('late', _('Incident reported late: %s') % ', '.join(
                    late.mapped('name')))
            elif overdue_drills:
                res[order.id] = ('late', _('%d emergency plans with an overdue '
                                           'drill') % overdue_drills)
            elif not incidents and order.state not in ('sale', 'done'):
                res[order.id] = ('na', _('Not confirmed'))
            else:
                res[order.id] = ('met', _('Incidents reported on time, drills on '
                                          'schedule'))
        return res
