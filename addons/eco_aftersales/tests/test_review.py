# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Order review -> lessons -> improvement actions tracked to closure (R11.3)."""
from odoo.exceptions import UserError

from .common import EcoAftersalesCase


class TestReview(EcoAftersalesCase):

    def test_review_lessons_actions_closure(self):
        self._ticket(self.equipment)        # a complaint: the order needs a review
        self.assertEqual(self.order._eco_compliance_order_review()[self.order.id][0],
                         'missing')
        review = self.env['eco.order.review'].sudo(self.user_service).create({
            'order_id': self.order.id,
            'went_badly': 'Delivery three days late',
            'root_causes': 'Vendor lead time not confirmed',
        })
        self.assertEqual(review.reasons, 'Complaints')
        self.assertTrue(review.name.startswith('REV/'))
        with self.assertRaises(UserError):
            review.action_create_actions()
        self.assertEqual(review.state, 'draft')
        review.write({'lesson_ids': [(0, 0, {
            'name': 'Confirm vendor lead times in writing',
            'owner_id': self.user_service.id, 'date_deadline': '2026-12-31'})]})
        review.action_create_actions()
        lesson = review.lesson_ids
        action = lesson.action_id
        self.assertEqual((review.state, action.type_action, action.user_id,
                          action.date_deadline),
                         ('actions', 'improvement', self.user_service, '2026-12-31'))
        self.assertFalse(lesson.action_closed)
        with self.assertRaises(UserError):
            lesson.action_verify_effect()
        action.stage_id = self.env.ref('mgmtsystem_action.stage_open')
        action.stage_id = self.env.ref('mgmtsystem_action.stage_close')
        self.assertTrue(lesson.action_closed)
        self.assertTrue(action.date_closed)
        with self.assertRaises(UserError):
            lesson.action_verify_effect()       # which rule changed?
        lesson.changed_rule = 'eco.service.template,%d' % self.template.id
        lesson.action_verify_effect()
        self.assertEqual((lesson.effect_verified, review.state), (True, 'closed'))
        self.assertEqual(self.order._eco_compliance_order_review()[self.order.id][0],
                         'met')
