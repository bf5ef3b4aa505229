# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Expiry, status and reminders shared by training records and certifications."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.tools.misc import split_every

from odoo.addons.eco_order.models.eco_deadline_mixin import lock_rows_skip_locked

PARAM_WINDOW = 'eco_hr.expiry_window_days'
QUALIFICATION_STATES = [
    ('valid', 'Valid'),
    ('expiring', 'Expiring'),
    ('expired', 'Expired'),
    ('missing', 'Missing'),
]


def expiry_window_days(env):
    value = env['ir.config_parameter'].sudo().get_param(PARAM_WINDOW, 30)
    try:
        return int(value)
    except (TypeError, ValueError):
        return 30


def qualification_state(date_expiry, date, window_days):
    """valid / expiring / expired for an expiry date (False: never expires)
    seen on ``date`` (strings)."""
    if not date_expiry:
        return 'valid'
    if date_expiry < date:
        return 'expired'
    limit = fields.Date.to_string(
        fields.Date.from_string(date) + timedelta(days=window_days))
    if date_expiry <= limit:
        return 'expiring'
    return 'valid'


class EcoHrExpiryMixin(models.AbstractModel):
    """A dated qualification of an employee that may expire.

    Models set ``date_expiry`` (stored) and ``renewed`` (a newer record of the
    same qualification exists); the daily cron reminds the employee and their
    manager once per expiry date (``reminded_expiry`` keeps the date reminded).
    """
    _name = 'eco.hr.expiry.mixin'
    _description = 'Qualification Expiry Mixin'

    employee_id = fields.Many2one(
        'hr.employee', string='Employee', required=True, index=True,
        ondelete='cascade')
    employee_user_id = fields.Many2one(
        related='employee_id.user_id', string='Employee User', store=True,
        readonly=True)
    department_id = fields.Many2one(
        related='employee_id.department_id', string='Department', store=True,
        readonly=True)
    date_expiry = fields.Date(string='Expires On', index=True)
    renewed = fields.Boolean(
        string='Renewed', default=False, copy=False, index=True,
        help='A newer record of the same qualification replaces this one.')
    reminded_expiry = fields.Date(
        string='Reminder Sent For', copy=False, readonly=True,
        help='Expiry date for which the reminder was sent (one reminder per '
             'expiry).')
    qualification_state = fields.Selection(
        QUALIFICATION_STATES, string='Status',
        compute='_compute_qualification_state')

    @api.depends('date_expiry')
    def _compute_qualification_state(self):
        today = fields.Date.context_today(self)
        window = expiry_window_days(self.env)
        for rec in self:
            rec.qualification_state = qualification_state(
                rec.date_expiry, today, window)

    @api.multi
    def _eco_qualification_label(self):
        self.ensure_one()
        return self.display_name

    @api.model
    def _cron_eco_expiry_reminders(self, batch_size=500):
        """Remind the employee and the manager before each expiry, once.

        Returns the number of records reminded. Bounded queries per batch
        (rows locked with FOR UPDATE SKIP LOCKED, activities created in bulk).
        """
        today = fields.Date.context_today(self)
        limit = fields.Date.to_string(
            fields.Date.from_string(today)
            + timedelta(days=expiry_window_days(self.env)))
        ids = self.sudo().search([
            ('date_expiry', '!=', False), ('date_expiry', '<=', limit),
            ('renewed', '=', False)], order='date_expiry, id').ids
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        model_id = self.env['ir.model']._get(self._name).id
        done = 0
        for batch in split_every(batch_size, ids, list):
            rows = lock_rows_skip_locked(
                self.env.cr, self._table, batch,
                ('id', 'date_expiry', 'reminded_expiry'))
            todo = [r['id'] for r in rows
                    if str(r['reminded_expiry'] or '') != str(r['date_expiry'])]
            records = self.sudo().browse(todo)
            vals_list = []
            for rec in records:
                employee = rec.employee_id
                label = rec._eco_qualification_label()
                users = employee.user_id | employee._eco_manager_user()
                for user in users:
                    if user == employee.user_id:
                        summary = _('%s expires on %s: renew it') % (
                            label, rec.date_expiry)
                    else:
                        summary = _('Plan the renewal of %s for %s (expires on %s)') % (
                            label, employee.name, rec.date_expiry)
                    vals_list.append({
                        'res_model_id': model_id,
                        'res_id': rec.id,
                        'activity_type_id': activity_type.id,
                        'summary': summary,
                        'user_id': user.id,
                        'date_deadline': rec.date_expiry,
                    })
            self.env['mail.activity'].sudo()._eco_create_bulk(vals_list)
            # one UPDATE per distinct expiry date of the batch
            by_date = {}
            for rec in records:
                by_date.setdefault(rec.date_expiry, []).append(rec.id)
            for date_expiry, rec_ids in by_date.items():
                self.sudo().browse(rec_ids).write({'reminded_expiry': date_expiry})
            done += len(records)
        return done
