# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class HrDepartment(models.Model):
    _inherit = 'hr.department'

    @api.multi
    def _eco_internal_users(self):
        """Active internal users of the departments: their members' users and
        their managers' users (who get the needs and questions routed to a
        department)."""
        departments = self.sudo()
        users = (departments.mapped('member_ids.user_id')
                 | departments.mapped('manager_id.user_id'))
        return users.filtered(lambda u: u.active and not u.share)
