# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""SLA deadlines in the company's working calendar (Mon-Fri 8-12, 13-17,
Asia/Shanghai), paused while waiting on the customer; escalation once per
level over two cron runs (R11.2)."""
from datetime import timedelta

from odoo import fields

from .common import EcoAftersalesCase


class TestSla(EcoAftersalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestSla, cls).setUpClass()
        # tickets of other data (demo) are out of these counts
        cls.env['helpdesk.ticket'].search([]).write({'deadline': False})

    def _activities(self, tickets, user):
        return self.env['mail.activity'].search_count([
            ('res_model', '=', 'helpdesk.ticket'), ('res_id', 'in', tickets.ids),
            ('user_id', '=', user.id)])

    def test_01_deadlines_in_working_hours(self):
        # Monday 2026-11-30 09:00 in Shanghai; priority 1: 4 h / 16 h
        ticket = self._ticket(self.equipment, eco_sla_start='2026-11-30 01:00:00')
        self.assertEqual(ticket.eco_first_response_due, '2026-11-30 06:00:00')
        self.assertEqual(ticket.eco_resolution_due, '2026-12-02 01:00:00')
        self.assertEqual(ticket.deadline, ticket.eco_first_response_due)
        # priority 2: 2 h / 8 h
        ticket.priority = '2'
        self.assertEqual(ticket.eco_first_response_due, '2026-11-30 03:00:00')
        self.assertEqual(ticket.eco_resolution_due, '2026-12-01 01:00:00')
        ticket.priority = '1'
        # first response given: the escalation deadline moves to the resolution
        ticket.with_context(
            eco_sla_now='2026-11-30 02:00:00').action_eco_first_response()
        self.assertEqual(ticket.eco_first_response_date, '2026-11-30 02:00:00')
        self.assertEqual(ticket.deadline, '2026-12-02 01:00:00')

    def test_02_pause_stage_extends_the_sla(self):
        ticket = self._ticket(self.equipment, eco_sla_start='2026-11-30 01:00:00')
        awaiting = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_awaiting')
        progress = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_in_progress')
        self.assertTrue(awaiting.eco_sla_pause)
        # Monday 10:00 to Tuesday 10:00 (Shanghai) waiting: 8 working hours
        ticket.with_context(eco_sla_now='2026-11-30 02:00:00').write(
            {'stage_id': awaiting.id})
        self.assertEqual(ticket.eco_sla_pause_start, '2026-11-30 02:00:00')
        self.assertFalse(ticket.deadline)
        ticket.with_context(eco_sla_now='2026-12-01 02:00:00').write(
            {'stage_id': progress.id})
        self.assertEqual(ticket.eco_sla_paused_hours, 8.0)
        self.assertFalse(ticket.eco_sla_pause_start)
        self.assertEqual(ticket.eco_first_response_due, '2026-12-01 06:00:00')
        self.assertEqual(ticket.eco_resolution_due, '2026-12-03 01:00:00')
        self.assertEqual(ticket.deadline, '2026-12-01 06:00:00')

    def test_03_escalation_once_per_level_over_two_runs(self):
        Ticket = self.env['helpdesk.ticket']
        ticket = self._ticket(self.equipment)
        other = self._ticket(self.equipment)     # not due: never escalated
        now = fields.Datetime.from_string(fields.Datetime.now())
        ticket.write({'deadline': fields.Datetime.to_string(now - timedelta(hours=1))})
        other.write({'deadline': fields.Datetime.to_string(now + timedelta(hours=5))})
        self.env['ir.config_parameter'].set_param('eco_aftersales.sla_grace_hours', '4')
        self.assertEqual(Ticket._cron_eco_escalate_overdue(), 1)
        self.assertEqual((ticket.escalation_level, ticket.eco_sla_breached), (1, True))
        self.assertEqual(self._activities(ticket, self.user_service), 1)
        self.assertEqual(self._activities(ticket, self.user_service_manager), 0)
        # second run, same level: nothing new
        self.assertEqual(Ticket._cron_eco_escalate_overdue(), 0)
        self.assertEqual(self._activities(ticket, self.user_service), 1)
        # past the grace period: level 2, the team manager, once
        self.env['ir.config_parameter'].set_param(
            'eco_aftersales.sla_grace_hours', '0.5')
        self.assertEqual(Ticket._cron_eco_escalate_overdue(), 1)
        self.assertEqual(ticket.escalation_level, 2)
        self.assertEqual(self._activities(ticket, self.user_service_manager), 1)
        self.assertEqual(Ticket._cron_eco_escalate_overdue(), 0)
        self.assertEqual(self._activities(ticket, self.user_service), 1)
        self.assertEqual(self._activities(ticket, self.user_service_manager), 1)
        self.assertEqual((other.escalation_level, other.eco_sla_breached), (0, False))
        self.assertEqual(self._activities(other, self.user_service), 0)
        # breaches count in the order's compliance (R11.2)
        self.assertEqual(
            self.order._eco_compliance_sla_followups()[self.order.id][0], 'late')

    def test_04_closed_ticket_not_escalated(self):
        ticket = self._ticket(self.equipment, eco_sla_start='2026-11-02 01:00:00')
        ticket.stage_id = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done')
        self.assertTrue(ticket.date_done)
        self.assertTrue(ticket.eco_sla_breached)   # closed after its resolution due
        self.assertEqual(self.env['helpdesk.ticket']._cron_eco_escalate_overdue(), 0)
        self.assertEqual(ticket.escalation_level, 0)
