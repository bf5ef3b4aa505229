# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class HrCourseAttendee(models.Model):
    """OCA hr_course attendee: attendance, score and the training record
    (certificate of completion) of a passed course."""
    _inherit = 'hr.course.attendee'

    eco_attended = fields.Boolean(string='Attended', default=True)
    eco_score = fields.Float(string='Score')
    eco_training_record_id = fields.Many2one(
        'eco.training.record', string='Training Record', readonly=True)
    eco_certificate_number = fields.Char(
        related='eco_training_record_id.certificate_number', readonly=True,
        string='Certificate of Completion')

    @api.multi
    def _eco_record_training(self):
        """Passed attendees of completed courses get a training record; a
        score at the topic's distinction proposes a reward."""
        Record = self.env['eco.training.record'].sudo()
        for attendee in self.sudo():
            course = attendee.course_id
            if (attendee.result != 'passed' or not attendee.active
                    or not course.eco_topic_id or attendee.eco_training_record_id):
                continue
            record = Record.create({
                'employee_id': attendee.employee_id.id,
                'topic_id': course.eco_topic_id.id,
                'date_done': course.end_date or fields.Date.context_today(self),
                'hours': course.eco_hours,
                'score': attendee.eco_score,
                'source': 'course',
                'course_attendee_id': attendee.id,
            })
            attendee.eco_training_record_id = record
            if attendee.eco_score >= course.eco_topic_id.distinction_score:
                self.env['eco.reward'].sudo()._eco_propose(
                    attendee.employee_id, 'honour',
                    _('Passed the course %s with distinction (score %.0f)') % (
                        course.name, attendee.eco_score), source=attendee)
        return True
