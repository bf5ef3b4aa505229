# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models


class EcoTrainingRecord(models.Model):
    """A completed training of an employee: a passed course, approved
    self-study or a training recorded by HR (R4.1)."""
    _name = 'eco.training.record'
    _description = 'Training Record'
    _inherit = ['eco.hr.expiry.mixin', 'mail.thread', 'mail.activity.mixin']
    _order = 'date_done desc, id desc'

    topic_id = fields.Many2one(
        'eco.training.topic', string='Topic', required=True, index=True,
        ondelete='restrict')
    date_done = fields.Date(
        string='Completed On', required=True, default=fields.Date.context_today,
        index=True)
    date_expiry = fields.Date(compute='_compute_date_expiry', store=True)
    hours = fields.Float(string='Hours')
    score = fields.Float()
    source = fields.Selection([
        ('course', 'Course'),
        ('self_study', 'Self-Study'),
        ('manual', 'Recorded by HR'),
    ], required=True, default='manual')
    course_attendee_id = fields.Many2one(
        'hr.course.attendee', string='Course Attendance', ondelete='set null')
    self_study_id = fields.Many2one(
        'eco.self.study', string='Self-Study', ondelete='set null')
    certificate_number = fields.Char(
        string='Certificate of Completion', copy=False)

    @api.depends('date_done', 'topic_id.validity_months')
    def _compute_date_expiry(self):
        for rec in self:
            months = rec.topic_id.validity_months
            if rec.date_done and months:
                rec.date_expiry = fields.Date.to_string(
                    fields.Date.from_string(rec.date_done)
                    + relativedelta(months=months))
            else:
                rec.date_expiry = False

    @api.multi
    def name_get(self):
        return [(rec.id, '%s - %s' % (rec.employee_id.name, rec.topic_id.name))
                for rec in self]

    @api.multi
    def _eco_qualification_label(self):
        self.ensure_one()
        return _('Training "%s"') % self.topic_id.name

    @api.model
    def create(self, vals):
        record = super(EcoTrainingRecord, self).create(vals)
        record._eco_mark_renewed()
        if not record.certificate_number:
            record.certificate_number = self.env['ir.sequence'].sudo().next_by_code(
                'eco.training.record') or '/'
        return record

    @api.multi
    def _eco_mark_renewed(self):
        """Older records of the same employee and topic are renewed."""
        for rec in self:
            older = self.sudo().search([
                ('employee_id', '=', rec.employee_id.id),
                ('topic_id', '=', rec.topic_id.id),
                ('id', '!=', rec.id), ('renewed', '=', False),
                ('date_done', '<=', rec.date_done)])
            if older:
                older.write({'renewed': True})
