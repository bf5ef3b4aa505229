# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoAllocationRule(models.Model):
    """Routes an accepted order to a team and project lead (R3.1).

    Rules are tried by sequence; the first rule whose criteria match the order
    and that has an eligible candidate wins.
    """
    _name = 'eco.allocation.rule'
    _description = 'Order Allocation Rule'
    _order = 'sequence, id'

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    order_type_id = fields.Many2one(
        'eco.order.type', string='Order Type', ondelete='restrict',
        help='Empty: any order type.')
    business_area_id = fields.Many2one(
        'eco.business.area', string='Business Area', ondelete='restrict',
        help='Empty: any business area.')
    skill_ids = fields.Many2many(
        'eco.skill', 'eco_allocation_rule_skill_rel', 'rule_id', 'skill_id',
        string='Required Capabilities',
        help='The project lead must hold all of these capabilities.')
    team_id = fields.Many2one('crm.team', string='Team', ondelete='restrict')
    user_ids = fields.Many2many(
        'res.users', 'eco_allocation_rule_res_users_rel', 'rule_id', 'user_id',
        string='Candidate Project Leads',
        help='The least loaded candidate who holds the required capabilities and '
             'is below his cap of open orders is chosen.')
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        'res.company', string='Company', index=True,
        default=lambda self: self.env['res.company']._company_default_get(
            'eco.allocation.rule'))

    @api.multi
    def _eco_matches(self, order):
        """Whether the rule's criteria (not its candidates) match order."""
        self.ensure_one()
        if self.company_id and order.company_id and self.company_id != order.company_id:
            return False
        if self.order_type_id and self.order_type_id != order.order_type_id:
            return False
        if self.business_area_id and self.business_area_id != order.business_area_id:
            return False
        return True

    @api.multi
    def _eco_pick_user(self, order, loads):
        """The eligible candidate with the lowest load, or an empty recordset.

        loads maps user id to the number of open orders of the user.
        """
        self.ensure_one()
        required = self.skill_ids | order.eco_required_skill_ids
        eligible = self.user_ids.filtered(
            lambda u: u.active and not (required - u.eco_skill_ids)
            and (not u.eco_order_cap or loads.get(u.id, 0) < u.eco_order_cap))
        eligible = self._eco_eligible_users(order, eligible)
        if not eligible:
            return self.env['res.users']
        return eligible.sorted(lambda u: (loads.get(u.id, 0), u.id))[0]

    @api.multi
    def _eco_eligible_users(self, order, users):
        """Hook: the users among ``users`` (candidates who hold the required
        capabilities and are below their cap) who may lead ``order``.

        Other add-ons narrow it with super() (e.g. eco_hr: trained, not on
        leave). Default: all of them.
        """
        self.ensure_one()
        return users
