# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared data of the allocation, milestone and escalation tests."""
from datetime import timedelta

from odoo import fields

from .common import EcoOrderCase


def dt(delta_hours=0.0, base=None):
    """A datetime string ``delta_hours`` from ``base`` (default now)."""
    base = fields.Datetime.from_string(base or fields.Datetime.now())
    return fields.Datetime.to_string(base + timedelta(hours=delta_hours))


class EcoAllocationCase(EcoOrderCase):

    @classmethod
    def setUpClass(cls):
        super(EcoAllocationCase, cls).setUpClass()
        ref = cls.env.ref
        cls.type_supply = ref('eco_order.eco_order_type_equipment_supply')
        cls.type_install = ref('eco_order.eco_order_type_installation_project')
        cls.type_monitoring = ref('eco_order.eco_order_type_monitoring_service')
        cls.area_water = ref('eco_order.eco_business_area_water')
        cls.area_air = ref('eco_order.eco_business_area_air')
        cls.skill_wastewater = ref('eco_order.eco_skill_wastewater')
        cls.skill_air = ref('eco_order.eco_skill_air')
        staff = cls.group_user | cls.group_eco_user
        cls.lead_1 = cls._create_user('eco_lead_1', staff, name='Lee One')
        cls.lead_2 = cls._create_user('eco_lead_2', staff, name='Lee Two')
        cls.lead_3 = cls._create_user('eco_lead_3', staff, name='Lee Three')
        cls.team_leader = cls._create_user(
            'eco_team_leader', cls.group_user | cls.group_eco_manager,
            name='Tess Leader')
        cls.team_projects = cls.env['crm.team'].create({
            'name': 'Project Team', 'user_id': cls.team_leader.id})
        cls.team_default = cls.env['crm.team'].create({
            'name': 'Order Desk', 'user_id': cls.user_manager.id})
        cls.env['ir.config_parameter'].sudo().set_param(
            'eco_order.default_team_id', cls.team_default.id)
        cls.env['eco.allocation.rule'].search([]).write({'active': False})
        # acknowledgements already pending in the database (demo orders) are late
        # once it is older than the delay: the tests count only their own orders
        cls.env.cr.execute(
            "UPDATE sale_order SET eco_ack_escalation_level = 1 "
            "WHERE eco_ack_state = 'pending' AND eco_ack_escalation_level = 0")
        cls.env['sale.order'].invalidate_cache(['eco_ack_escalation_level'])
        cls.Rule = cls.env['eco.allocation.rule']

    @classmethod
    def _rule(cls, name, users, sequence=10, **vals):
        values = {
            'name': name,
            'sequence': sequence,
            'user_ids': [(6, 0, users.ids)],
            'team_id': cls.team_projects.id,
        }
        values.update(vals)
        return cls.Rule.create(values)

    @classmethod
    def _accepted_order(cls, partner=None, **vals):
        """An order taken through review and acceptance by the staff user
        (acceptance runs the allocation)."""
        order = cls._create_order(partner or cls.partner_a, **vals)
        order.sudo(cls.user_staff).action_intake_review()
        order.sudo(cls.user_staff).action_intake_accept()
        return order

    @classmethod
    def _open_orders(cls, user, count):
        """``count`` open (accepted) orders already led by ``user``."""
        for _i in range(count):
            order = cls._create_order(cls.partner_b)
            order.write({'intake_state': 'accepted', 'eco_project_lead_id': user.id})

    def _activities(self, record, user=None):
        domain = [('res_model', '=', record._name), ('res_id', '=', record.id)]
        if user:
            domain.append(('user_id', '=', user.id))
        return self.env['mail.activity'].search(domain)
