# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class HrCourse(models.Model):
    """OCA hr_course: a course session on a training topic, with trainer,
    place, hours and a calendar meeting for the attendees."""
    _inherit = 'hr.course'

    eco_topic_id = fields.Many2one(
        'eco.training.topic', string='Training Topic', ondelete='restrict',
        track_visibility='onchange')
    eco_trainer_id = fields.Many2one(
        'res.partner', string='Trainer', track_visibility='onchange')
    eco_location = fields.Char(string='Place')
    eco_start = fields.Datetime(string='Session Start')
    eco_hours = fields.Float(string='Hours', default=2.0)
    eco_event_id = fields.Many2one(
        'calendar.event', string='Meeting', readonly=True, copy=False)

    @api.multi
    def action_eco_schedule_meeting(self):
        """Create (or update) the calendar meeting of the session."""
        for course in self:
            if not course.eco_start:
                raise UserError(_('Set the session start of course %s first.')
                                % course.name)
            partners = course.attendant_ids.mapped('user_id.partner_id') | \
                course.eco_trainer_id
            stop = fields.Datetime.from_string(course.eco_start) + timedelta(
                hours=course.eco_hours or 1.0)
            vals = {
                'name': _('Training: %s') % course.name,
                'start': course.eco_start,
                'stop': fields.Datetime.to_string(stop),
                'duration': course.eco_hours or 1.0,
                'location': course.eco_location,
                'partner_ids': [(6, 0, partners.ids)],
            }
            if course.eco_event_id:
                course.eco_event_id.write(vals)
            else:
                course.eco_event_id = self.env['calendar.event'].create(vals)
        return True

    @api.multi
    def validation2complete(self):
        res = super(HrCourse, self).validation2complete()
        self.mapped('course_attendee_ids')._eco_record_training()
        return res
