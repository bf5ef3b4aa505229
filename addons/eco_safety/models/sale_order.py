# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Compliance clauses R8.1-R8.3 (eco_order's clause registry)."""
from odoo import _, api, fields, models


class SaleOrder(models.Model):
    _inherit = 'sale.order'

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
        """R8.2: the jobs' safety plans approved, their inspections done, their
        hazards closed on time."""
        Hazard = self.env['eco.safety.hazard'].sudo()
        res = {}
        for order in self:
            plans = self.env['eco.safety.plan'].sudo().search(
                [('order_id', '=', order.id)])
            if not plans:
                res[order.id] = ('na', _('No site safety plan'))
                continue
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
                res[order.id] = ('met', _('Plans approved, hazards closed on time'))
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
