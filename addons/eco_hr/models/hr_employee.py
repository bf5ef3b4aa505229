# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The register of trainings and certifications other add-ons read.

Public API (kept stable, see readme/DESCRIPTION.rst):
``hr.employee._eco_qualification_states(requirements, date)`` and
``hr.employee._eco_missing_qualifications(requirements, date)``.
"""
from odoo import api, fields, models

from .eco_hr_expiry_mixin import (QUALIFICATION_STATES, expiry_window_days,
                                  qualification_state)

STATE_RANK = {'valid': 0, 'expiring': 1, 'expired': 2, 'missing': 3}
HR_OFFICER = 'hr.group_hr_user'


class HrEmployee(models.Model):
    _inherit = 'hr.employee'

    eco_training_record_ids = fields.One2many(
        'eco.training.record', 'employee_id', string='Training Records')
    eco_certification_ids = fields.One2many(
        'eco.certification', 'employee_id', string='Certifications')
    eco_reward_ids = fields.One2many('eco.reward', 'employee_id', string='Rewards')
    eco_training_hours = fields.Float(
        string='Training Hours', compute='_compute_eco_training_hours',
        help='Hours of the training records (courses and approved self-study).')
    eco_training_state = fields.Selection(
        QUALIFICATION_STATES, string='Required Trainings',
        compute='_compute_eco_training_state',
        help='Worst status of the trainings and certifications required for the '
             'job position.')

    @api.multi
    def _compute_eco_training_hours(self):
        data = self.env['eco.training.record'].sudo().read_group(
            [('employee_id', 'in', self.ids)], ['employee_id', 'hours'],
            ['employee_id'])
        hours = {d['employee_id'][0]: d['hours'] for d in data}
        for employee in self:
            employee.eco_training_hours = hours.get(employee.id, 0.0)

    @api.multi
    def _compute_eco_training_state(self):
        requirements = self.env['eco.qualification.requirement'].sudo().search(
            [('job_id', 'in', self.mapped('job_id').ids)])
        states = self._eco_qualification_states(requirements)
        for employee in self:
            worst = 'valid'
            for req in requirements.filtered(lambda r: r.job_id == employee.job_id):
                state = states[employee.id][req.id][0]
                if STATE_RANK[state] > STATE_RANK[worst]:
                    worst = state
            employee.eco_training_state = worst

    # ------------------------------------------------------------------
    # qualification register (public API)
    # ------------------------------------------------------------------
    @api.multi
    def _eco_qualification_states(self, requirements, date=None):
        """Status of each required training/certification on ``date``.

        :param requirements: ``eco.qualification.requirement`` recordset
        :param date: date string (default: today)
        :returns: ``{employee_id: {requirement_id: (state, record)}}`` where
            state is ``valid``, ``expiring``, ``expired`` or ``missing`` and
            record the best ``eco.training.record`` / ``eco.certification``
            on that date (empty recordset when missing).

        Two searches whatever the number of employees and requirements.
        """
        date = date or fields.Date.context_today(self)
        window = expiry_window_days(self.env)
        topics = requirements.filtered(
            lambda r: r.kind == 'training').mapped('topic_id')
        types = requirements.filtered(
            lambda r: r.kind == 'certification').mapped('certification_type_id')
        best = {}

        def keep(key, rec):
            current = best.get(key)
            if not current or not rec.date_expiry or (
                    current.date_expiry and rec.date_expiry > current.date_expiry):
                best[key] = rec
        if topics:
            for rec in self.env['eco.training.record'].sudo().search([
                    ('employee_id', 'in', self.ids), ('topic_id', 'in', topics.ids),
                    ('date_done', '<=', date)]):
                keep((rec.employee_id.id, 'training', rec.topic_id.id), rec)
        if types:
            for rec in self.env['eco.certification'].sudo().search([
                    ('employee_id', 'in', self.ids), ('type_id', 'in', types.ids),
                    ('date_issue', '<=', date)]):
                keep((rec.employee_id.id, 'certification', rec.type_id.id), rec)
        result = {}
        for employee in self:
            states = result[employee.id] = {}
            for req in requirements:
                item = (req.topic_id if req.kind == 'training'
                        else req.certification_type_id)
                rec = best.get((employee.id, req.kind, item.id))
                if not rec:
                    empty = self.env['eco.training.record' if req.kind == 'training'
                                     else 'eco.certification']
                    states[req.id] = ('missing', empty)
                else:
                    states[req.id] = (
                        qualification_state(rec.date_expiry, date, window), rec)
        return result

    @api.multi
    def _eco_missing_qualifications(self, requirements, date=None):
        """Which of ``requirements`` each employee lacks or has expired on
        ``date`` (default today). Overridable.

        :returns: ``{employee_id: [(requirement, state, record), ...]}`` with
            state ``missing`` or ``expired``; employees who have them all
            valid (or expiring) map to an empty list.
        """
        states = self._eco_qualification_states(requirements, date)
        return {
            employee_id: [(requirements.browse(req_id), state, rec)
                          for req_id, (state, rec) in sorted(by_req.items())
                          if state in ('missing', 'expired')]
            for employee_id, by_req in states.items()}

    # ------------------------------------------------------------------
    # managers
    # ------------------------------------------------------------------
    @api.multi
    def _eco_manager_user(self):
        """The user of the employee's manager (or department manager)."""
        self.ensure_one()
        employee = self.sudo()
        for manager in (employee.parent_id, employee.department_id.manager_id):
            if manager and manager != employee and manager.user_id:
                return manager.user_id
        return self.env['res.users']

    @api.multi
    def _eco_is_managed_by(self, user):
        """Whether ``user`` is an HR officer or manages the employee (manager,
        or manager of the employee's department or of a parent department)."""
        self.ensure_one()
        if user.has_group(HR_OFFICER) or user._is_superuser():
            return True
        employee = self.sudo()
        if employee.parent_id.user_id == user:
            return True
        department = employee.department_id
        while department:
            if department.manager_id.user_id == user and employee.user_id != user:
                return True
            department = department.parent_id
        return False
