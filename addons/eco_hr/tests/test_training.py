# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Training register (R4.1): status transitions, reminders, self-study,
certifications, rewards, courses (OCA hr_course)."""
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import EcoHrCase, day


class TestTraining(EcoHrCase):

    def test_01_status_transitions(self):
        req_law = self.Requirement.create({'kind': 'training',
                                           'topic_id': self.topic_law.id,
                                           'job_id': self.job_engineer.id})
        req_cert = self.Requirement.create({
            'kind': 'certification', 'certification_type_id': self.cert_hazwaste.id})
        requirements = req_law | req_cert
        self._train(self.emp_li, self.topic_law, '2026-01-15')
        record = self.Record.search([('employee_id', '=', self.emp_li.id)])
        self.assertEqual(record.date_expiry, '2027-01-15')
        employees = self.emp_li | self.emp_zhang
        expected = [
            ('2026-01-01', 'missing'),
            ('2026-06-01', 'valid'),
            ('2026-12-15', 'valid'),
            ('2026-12-16', 'expiring'),
            ('2026-12-20', 'expiring'),
            ('2027-01-15', 'expiring'),
            ('2027-01-16', 'expired'),
        ]
        for date, state in expected:
            states = employees._eco_qualification_states(requirements, date)
            self.assertEqual(states[self.emp_li.id][req_law.id][0], state, date)
            self.assertEqual(states[self.emp_li.id][req_cert.id][0], 'missing')
            self.assertEqual(states[self.emp_zhang.id][req_law.id][0], 'missing')
        missing = employees._eco_missing_qualifications(requirements, '2027-02-01')
        self.assertEqual(
            [(r, s) for r, s, _rec in missing[self.emp_li.id]],
            [(req_law, 'expired'), (req_cert, 'missing')])
        missing = employees._eco_missing_qualifications(requirements, '2026-06-01')
        self.assertEqual([(r, s) for r, s, _rec in missing[self.emp_li.id]],
                         [(req_cert, 'missing')])
        # a renewal makes the topic valid again and marks the old record renewed
        self._train(self.emp_li, self.topic_law, '2027-01-10')
        self.assertTrue(record.renewed)
        states = employees._eco_qualification_states(requirements, '2027-02-01')
        self.assertEqual(states[self.emp_li.id][req_law.id][0], 'valid')
        # the job's worst status on the employee
        self.assertEqual(self.emp_zhang.eco_training_state, 'missing')

    def test_02_reminder_cron_once(self):
        # records of the demo data are reminded first
        self.env['eco.training.record']._cron_eco_expiry_reminders()
        self.env['eco.certification']._cron_eco_expiry_reminders()
        # expires in 10 days: inside the 30-day window
        record = self._train(self.emp_li, self.topic_law, day(10 - 365))
        self.assertEqual(record.qualification_state, 'expiring')
        far = self._train(self.emp_zhang, self.topic_law, day(-30))
        self.assertEqual(far.qualification_state, 'valid')
        cert = self.env['eco.certification'].create({
            'employee_id': self.emp_chen.id, 'type_id': self.cert_hazwaste.id,
            'number': 'HW-2024-001', 'date_issue': day(-1000),
            'date_expiry': day(-2)})
        self.assertEqual(cert.qualification_state, 'expired')
        Record = self.env['eco.training.record']
        self.assertEqual(Record._cron_eco_expiry_reminders(), 1)
        self.assertEqual(Record._cron_eco_expiry_reminders(), 0)
        activities = self._activities(record)
        self.assertEqual(sorted(activities.mapped('user_id').ids),
                         sorted((self.user_li | self.user_wang).ids))
        self.assertFalse(self._activities(far))
        Cert = self.env['eco.certification']
        self.assertEqual(Cert._cron_eco_expiry_reminders(), 1)
        self.assertEqual(Cert._cron_eco_expiry_reminders(), 0)
        self.assertEqual(len(self._activities(cert)), 2)
        # a renewed record is not reminded again, a new expiry is
        renewal = self._train(self.emp_li, self.topic_law, day(20 - 365))
        self.assertTrue(record.renewed)
        self.assertEqual(Record._cron_eco_expiry_reminders(), 1)
        self.assertEqual(len(self._activities(record)), 2)
        self.assertEqual(len(self._activities(renewal)), 2)

    def test_03_self_study_approval(self):
        study = self.env['eco.self.study'].sudo(self.user_li).create({
            'name': 'Reading GB 8978-1996', 'topic_id': self.topic_law.id,
            'hours': 6.0, 'date': day(-1)})
        self.assertEqual(study.employee_id, self.emp_li)
        study.action_submit()
        self.assertEqual(study.state, 'submitted')
        self.assertEqual(self._activities(study, self.user_wang).summary,
                         'Approve the self-study "Reading GB 8978-1996" of Li Staff')
        # colleagues and the employee himself cannot approve
        for user in (self.user_li, self.user_zhang):
            with self.assertRaises(AccessError):
                study.sudo(user).action_approve()
        # nor see the study of another employee
        with self.assertRaises(AccessError):
            study.sudo(self.user_chen).read(['name'])
        study.sudo(self.user_wang).action_approve()
        self.assertEqual(study.state, 'approved')
        self.assertEqual(study.training_record_id.hours, 6.0)
        self.assertEqual(study.training_record_id.source, 'self_study')
        self.assertEqual(self.emp_li.eco_training_hours, 6.0)
        with self.assertRaises(UserError):
            study.sudo(self.user_wang).action_approve()
        # a refusal needs a reason and changes nothing without one
        other = self.env['eco.self.study'].sudo(self.user_li).create({
            'name': 'Blog posts', 'hours': 2.0})
        other.action_submit()
        with self.assertRaises(UserError):
            other.sudo(self.user_wang).action_refuse()
        self.assertEqual(other.state, 'submitted')
        other.sudo(self.user_wang).write({'refuse_reason': 'No evidence'})
        other.sudo(self.user_wang).action_refuse()
        self.assertEqual(other.state, 'refused')
        self.assertFalse(other.training_record_id)

    def test_04_certification_and_reward(self):
        Cert = self.env['eco.certification']
        with self.assertRaises(ValidationError):
            Cert.create({'employee_id': self.emp_li.id,
                         'type_id': self.cert_hazwaste.id, 'number': 'BAD',
                         'date_issue': '2026-05-01', 'date_expiry': '2026-04-01'})
        cert = Cert.create({
            'employee_id': self.emp_li.id, 'type_id': self.cert_hazwaste.id,
            'number': 'HW-2026-007', 'issuer': 'Provincial EPB',
            'date_issue': day(-10), 'date_expiry': day(20)})
        self.assertEqual(cert.qualification_state, 'expiring')
        cert.date_expiry = day(400)
        self.assertEqual(cert.qualification_state, 'valid')
        cert.date_expiry = day(-1)
        self.assertEqual(cert.qualification_state, 'expired')
        reward = self.env['eco.reward'].search([('employee_id', '=', self.emp_li.id)])
        self.assertEqual(len(reward), 1)
        self.assertEqual((reward.kind, reward.state), ('honour', 'proposed'))
        self.assertEqual(reward.name, 'Obtained the certification %s'
                         % self.cert_hazwaste.name)
        self.assertEqual(len(self._activities(reward, self.user_wang)), 1)
        # the employee sees his reward but cannot approve it; others see nothing
        self.assertEqual(reward.sudo(self.user_li).read(['state'])[0]['state'],
                         'proposed')
        with self.assertRaises(AccessError):
            reward.sudo(self.user_li).action_approve()
        with self.assertRaises(AccessError):
            reward.sudo(self.user_zhou).action_approve()
        with self.assertRaises(AccessError):
            reward.sudo(self.user_chen).read(['state'])
        with self.assertRaises(AccessError):
            reward.sudo(self.user_li).write({'amount': 1000.0})
        reward.sudo(self.user_wang).action_approve()
        self.assertEqual(reward.state, 'approved')
        self.assertEqual(reward.approved_by_id, self.user_wang)
        self.assertFalse(self._activities(reward, self.user_wang))
        with self.assertRaises(UserError):
            reward.sudo(self.user_officer).action_refuse()
        self.assertEqual(self.emp_li.eco_reward_ids, reward)

    def test_05_course_completion(self):
        category = self.env['hr.course.category'].create({'name': 'Eco (test)'})
        trainer = self.env['res.partner'].create({'name': 'Dr. Sun Trainer'})
        course = self.env['hr.course'].sudo(self.user_officer).create({
            'name': 'Environmental law 2026', 'category_id': category.id,
            'cost': 500.0, 'authorized_by': self.emp_wang.id,
            'eco_topic_id': self.topic_law.id, 'eco_trainer_id': trainer.id,
            'eco_location': 'Meeting room 3', 'eco_start': '2026-03-02 01:00:00',
            'eco_hours': 3.0, 'start_date': '2026-03-02', 'end_date': '2026-03-02'})
        course.draft2waiting()
        course.write({'attendant_ids': [(6, 0, (self.emp_li | self.emp_zhang).ids)]})
        course.action_eco_schedule_meeting()
        attendees = (self.user_li | self.user_zhang).mapped('partner_id')
        self.assertEqual(course.eco_event_id.partner_ids, attendees | trainer)
        self.assertEqual(course.eco_event_id.stop, '2026-03-02 04:00:00')
        course.waiting2inprogress()
        course.inprogress2validation()
        li = course.course_attendee_ids.filtered(lambda a: a.employee_id == self.emp_li)
        zhang = course.course_attendee_ids - li
        li.write({'result': 'passed', 'eco_score': 96.0})
        zhang.write({'result': 'failed', 'eco_score': 40.0})
        course.validation2complete()
        self.assertEqual(li.eco_training_record_id.date_done, '2026-03-02')
        self.assertEqual(li.eco_training_record_id.date_expiry, '2027-03-02')
        self.assertEqual(li.eco_training_record_id.score, 96.0)
        self.assertTrue(li.eco_certificate_number.startswith('TRN-'))
        self.assertFalse(zhang.eco_training_record_id)
        rewards = self.env['eco.reward'].search([('employee_id', 'in', (
            self.emp_li | self.emp_zhang).ids)])
        self.assertEqual(rewards.mapped('employee_id'), self.emp_li)
        self.assertEqual(rewards.name, 'Passed the course Environmental law 2026 '
                                       'with distinction (score 96)')

    @mute_logger('odoo.models')
    def test_06_access(self):
        record = self._train(self.emp_li, self.topic_law, day(-5))
        self.assertEqual(record.sudo(self.user_li).read(['hours'])[0]['hours'], 4.0)
        self.assertTrue(record.sudo(self.user_wang).read(['hours']))
        for user in (self.user_zhang, self.user_chen, self.user_zhou):
            with self.assertRaises(AccessError):
                record.sudo(user).read(['hours'])
        with self.assertRaises(AccessError):
            record.sudo(self.user_li).write({'hours': 40.0})
        with self.assertRaises(AccessError):
            self.Record.sudo(self.user_li).create({
                'employee_id': self.emp_li.id, 'topic_id': self.topic_law.id})
        self.assertEqual(
            self.Record.sudo(self.user_officer).search(
                [('id', '=', record.id)]), record)
        record.sudo(self.user_officer).write({'hours': 5.0})
        self.assertEqual(record.hours, 5.0)
