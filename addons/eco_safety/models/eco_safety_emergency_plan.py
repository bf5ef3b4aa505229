# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Emergency plan (应急预案) per risk, versioned with approval, and its drill
programme (应急演练)."""
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.eco_order.models.eco_deadline_mixin import lock_rows_skip_locked

EMERGENCY_KINDS = [
    ('chemical_leak', 'Chemical Leak'),
    ('fire', 'Fire'),
    ('electric_shock', 'Electric Shock'),
    ('fall', 'Fall from Height'),
    ('confined_space', 'Confined-Space Rescue'),
    ('pollution', 'Pollution Incident'),
]


class EcoSafetyEmergencyPlan(models.Model):
    _name = 'eco.safety.emergency.plan'
    _description = 'Emergency Plan'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'name'

    name = fields.Char(required=True, track_visibility='onchange')
    kind = fields.Selection(EMERGENCY_KINDS, required=True,
                            track_visibility='onchange')
    risk_id = fields.Many2one('eco.safety.risk', string='Kind of Work')
    company_id = fields.Many2one(
        'res.company', default=lambda self: self.env.user.company_id)
    procedure = fields.Html(string='Response Procedure')
    equipment = fields.Text(string='Emergency Equipment')
    role_ids = fields.One2many('eco.safety.emergency.role', 'plan_id',
                               string='Roles')
    contact_ids = fields.One2many('eco.safety.emergency.contact', 'plan_id',
                                  string='Contacts')
    version = fields.Integer(default=1, readonly=True, copy=False,
                             track_visibility='onchange')
    state = fields.Selection([('draft', 'Draft'), ('approved', 'Approved')],
                             default='draft', required=True, readonly=True,
                             copy=False, track_visibility='onchange')
    approved_by = fields.Many2one('res.users', readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    coordinator_id = fields.Many2one('res.users', string='Drill Coordinator',
                                     default=lambda self: self.env.user)
    drill_interval_months = fields.Integer(string='Drill Every (Months)', default=6)
    drill_ids = fields.One2many('eco.safety.drill', 'plan_id', string='Drills')
    last_drill_date = fields.Date(compute='_compute_drill_dates', store=True)
    next_drill_date = fields.Date(compute='_compute_drill_dates', store=True)
    drill_overdue = fields.Boolean(compute='_compute_drill_overdue',
                                   search='_search_drill_overdue')

    @api.depends('drill_ids.state', 'drill_ids.date', 'drill_interval_months',
                 'approved_date')
    def _compute_drill_dates(self):
        for plan in self:
            done = plan.drill_ids.filtered(lambda d: d.state == 'done')
            last = max(done.mapped('date')) if done else False
            plan.last_drill_date = last
            planned = plan.drill_ids.filtered(lambda d: d.state == 'planned')
            if planned:
                plan.next_drill_date = min(planned.mapped('date'))
                continue
            start = last or (plan.approved_date and plan.approved_date[:10])
            if start and plan.drill_interval_months > 0:
                plan.next_drill_date = fields.Date.to_string(
                    fields.Date.from_string(start)
                    + relativedelta(months=plan.drill_interval_months))
            else:
                plan.next_drill_date = start or False

    @api.multi
    def _compute_drill_overdue(self):
        today = fields.Date.context_today(self)
        for plan in self:
            plan.drill_overdue = bool(plan.state == 'approved' and plan.next_drill_date
                                      and plan.next_drill_date < today)

    @api.model
    def _search_drill_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        domain = ['&', '&', ('state', '=', 'approved'),
                  ('next_drill_date', '!=', False), ('next_drill_date', '<', today)]
        if (operator == '=') == bool(value):
            return domain
        return ['!'] + domain

    @api.multi
    def action_approve(self):
        for plan in self:
            if plan.state != 'draft':
                raise UserError(_('Emergency plan %s is not a draft.') % plan.name)
            if not plan.role_ids:
                raise UserError(_('Emergency plan %s: name the people of its roles '
                                  'first.') % plan.name)
        self.write({'state': 'approved', 'approved_by': self.env.uid,
                    'approved_date': fields.Datetime.now()})
        return True

    @api.multi
    def action_revise(self):
        """A new version, to be approved again."""
        for plan in self:
            plan.write({'state': 'draft', 'version': plan.version + 1,
                        'approved_by': False, 'approved_date': False})
        return True

    @api.model
    def _cron_eco_plan_drills(self, batch_size=200):
        """Plan the next drill of every approved plan that has none planned,
        and remind its coordinator (once: the planned drill stops a second
        one). Returns the drills planned."""
        today = fields.Date.context_today(self)
        plans = self.sudo().search([('state', '=', 'approved')])
        planned = self.env['eco.safety.drill'].sudo().search(
            [('plan_id', 'in', plans.ids), ('state', '=', 'planned')]).mapped('plan_id')
        ids = (plans - planned).ids
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        model_id = self.env['ir.model']._get('eco.safety.drill').id
        drills = self.env['eco.safety.drill']
        for start in range(0, len(ids), batch_size):
            rows = lock_rows_skip_locked(self.env.cr, self._table,
                                         ids[start:start + batch_size])
            vals_list = []
            for plan in self.sudo().browse([r['id'] for r in rows]):
                drill = drills.sudo().create({
                    'plan_id': plan.id,
                    'date': max(plan.next_drill_date or today, today),
                    'coordinator_id': plan.coordinator_id.id,
                    'scenario': plan.name,
                })
                drills |= drill
                if plan.coordinator_id:
                    vals_list.append({
                        'res_model_id': model_id,
                        'res_id': drill.id,
                        'activity_type_id': activity_type.id,
                        'summary': _('Prepare the emergency drill of %s') % plan.name,
                        'user_id': plan.coordinator_id.id,
                        'date_deadline': drill.date,
                    })
            self.env['mail.activity'].sudo()._eco_create_bulk(vals_list)
        return drills
