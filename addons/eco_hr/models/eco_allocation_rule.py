# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoAllocationRule(models.Model):
    """Allocation (eco_order R3.1) asks the training register: leads who
    lack a required training/certification, or are on leave on the
    allocation day, are skipped like leads at their cap."""
    _inherit = 'eco.allocation.rule'

    eco_requirement_ids = fields.Many2many(
        'eco.qualification.requirement', 'eco_allocation_rule_requirement_rel',
        'rule_id', 'requirement_id', string='Required Trainings/Certifications',
        help='The project lead must hold these valid on the allocation day, '
             'besides those of the order type and business area.')

    @api.multi
    def _eco_order_requirements(self, order):
        self.ensure_one()
        return (self.eco_requirement_ids
                | self.env['eco.qualification.requirement']._eco_for_order(order))

    @api.multi
    def _eco_eligible_users(self, order, users):
        users = super(EcoAllocationRule, self)._eco_eligible_users(order, users)
        if not users:
            return users
        date = fields.Date.context_today(self)
        employees = self.env['hr.employee'].sudo().search(
            [('user_id', 'in', users.ids)])
        on_leave = employees._eco_on_leave(date)
        requirements = self._eco_order_requirements(order)
        missing = employees._eco_missing_qualifications(requirements, date) \
            if requirements else {}
        ok_users = set()
        for employee in employees:
            if employee.id in on_leave or missing.get(employee.id):
                continue
            ok_users.add(employee.user_id.id)
        if not requirements:
            # users without an employee record are not on leave
            with_employee = set(employees.mapped('user_id').ids)
            ok_users |= {u.id for u in users if u.id not in with_employee}
        return users.filtered(lambda u: u.id in ok_users)
