# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Test data of eco_safety: a safety officer and manager, a kind of work
(work at height) requiring a certification of eco_hr's register, a job."""
from datetime import datetime, timedelta

from odoo import fields

from odoo.addons.eco_stock.tests.common import EcoStockCase, days


def hours(n):
    return fields.Datetime.to_string(datetime.utcnow() + timedelta(hours=n))


class EcoSafetyCase(EcoStockCase):

    @classmethod
    def setUpClass(cls):
        super(EcoSafetyCase, cls).setUpClass()
        env = cls.env
        ref = env.ref

        def user(login, groups, **vals):
            values = {'name': login, 'login': login, 'password': login,
                      'email': '%s@example.com' % login,
                      'groups_id': [(6, 0, [g.id for g in groups])]}
            values.update(vals)
            return env['res.users'].with_context(
                no_reset_password=True, mail_create_nosubscribe=True).create(values)

        cls.officer = user('sf_officer', [ref('eco_safety.group_eco_safety_officer'),
                                          ref('eco_order.group_eco_order_user')],
                           name='Olga Officer')
        cls.manager = user('sf_manager', [ref('eco_safety.group_eco_safety_manager')],
                           name='Mia Manager')
        cls.plain = user('sf_plain', [ref('base.group_user')])
        cls.cert_type = env['eco.certification.type'].create({
            'name': 'Sf Work at Height', 'code': 'SF_HEIGHT'})
        cls.requirement = env['eco.qualification.requirement'].create({
            'kind': 'certification', 'certification_type_id': cls.cert_type.id})
        cls.risk = env['eco.safety.risk'].create({
            'name': 'Sf Work at Height', 'code': 'SF_HEIGHT',
            'requirement_ids': [(6, 0, cls.requirement.ids)],
            'permit_type': 'height',
            'hazard_template': 'Fall from the platform\nFalling tools',
            'ppe_template': 'Harness, Helmet',
        })
        cls.order = cls._confirmed_order(cls.partner_a,
                                         intake_site_address='8 Effluent Road, Wuxi')

    def _certify(self, employee, expiry, issue=None):
        return self.env['eco.certification'].create({
            'employee_id': employee.id, 'type_id': self.cert_type.id,
            'number': 'SF-%s' % expiry, 'date_issue': issue or days(-400),
            'date_expiry': expiry})

    def _job(self, **vals):
        values = {'order_id': self.order.id, 'planned_start': days(1) + ' 08:00:00',
                  'planned_end': days(1) + ' 17:00:00',
                  'technician_ids': [(6, 0, self.technician.ids)],
                  'eco_safety_risk_ids': [(6, 0, self.risk.ids)]}
        values.update(vals)
        return self.env['eco.installation.job'].sudo(self.user_staff).create(values)

    def _ready_job(self):
        """A planned job, its technician qualified, with an approved plan and a
        permit valid now."""
        self._certify(self.technician, days(300))
        job = self._job(planned_start=hours(-1), planned_end=hours(8))
        job.action_plan()
        job.sudo(self.officer).action_eco_safety_plan()
        plan = self.env['eco.safety.plan'].browse(job.eco_safety_plan_id.id)
        plan.permit_ids.write({'date_from': hours(-2), 'date_to': hours(10)})
        plan.permit_ids.sudo(self.officer).action_approve()
        plan.sudo(self.officer).action_approve()
        return job, plan
