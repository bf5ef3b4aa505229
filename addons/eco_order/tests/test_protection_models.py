# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every eco_order model that belongs to an order or a customer follows the
customer's confidentiality level (R7.2), tested model by model with staff
without clearance, with clearance, and named on the secret customer.

``test_00_every_model_covered`` fails when a model with a link to an order,
an order line, a partner or such a model has neither a factory here nor a
stated reason to be left out: a new model cannot be forgotten."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError

from .test_protection_common import EcoProtectionCase

LEVELS = ('public', 'internal', 'confidential', 'secret')
LINKED = ('sale.order', 'sale.order.line', 'res.partner')
# linked models deliberately without a level rule, and why
EXEMPT = {
    # SQL reports: their own rules in security/eco_analysis_security.xml
    'eco.order.analysis': 'report rule',
    'eco.demand.analysis': 'report rule',
    'eco.sales.analysis': 'report rule',
    'eco.milestone.analysis': 'report rule',
    'eco.compliance.analysis': 'report rule',
    # stored figures of the demand report: settings group only (no staff ACL)
    'eco.demand.analysis.data': 'system only',
}


def _dt(days):
    return fields.Datetime.to_string(
        fields.Datetime.from_string(fields.Datetime.now()) + timedelta(days=days))


class TestProtectionModels(EcoProtectionCase):

    @classmethod
    def setUpClass(cls):
        super(TestProtectionModels, cls).setUpClass()
        env = cls.env
        group_manager = cls.group_eco_manager
        cls.mgr_plain = cls.user_manager
        cls.mgr_conf = cls._create_user(
            'eco_mgr_conf', cls.group_user | group_manager | cls.group_confidential,
            name='Cleo Cleared Manager')
        cls.mgr_secret = cls._create_user(
            'eco_mgr_secret', cls.group_user | group_manager | cls.group_confidential,
            name='Sven Secret Manager')
        cls.customers['secret'].write(
            {'eco_allowed_user_ids': [(4, cls.mgr_secret.id)]})
        cls.department = env['hr.department'].create({'name': 'Protection Lab'})
        cls.clause = env.ref('eco_order.eco_compliance_clause_intake_channel')
        for level in LEVELS:
            order = cls.orders[level]
            order.write({'intake_state': 'accepted'})
            order.action_confirm()
        cls.records = {}
        for model, factory in cls._factories().items():
            cls.records[model] = {
                level: factory(cls.orders[level], cls.customers[level])
                for level in LEVELS}

    @classmethod
    def _factories(cls):
        env = cls.env

        def collaboration(order):
            return env['eco.order.collaboration'].search(
                [('order_id', '=', order.id)], limit=1) or env[
                    'eco.order.collaboration'].create(
                        {'order_id': order.id, 'name': 'Group %s' % order.name})

        def acceptance(order):
            return env['eco.acceptance'].search(
                [('order_id', '=', order.id)], limit=1) or env[
                    'eco.acceptance'].create({'order_id': order.id})

        return {
            'eco.order.need': lambda o, c: env['eco.order.need'].create({
                'partner_id': c.id, 'order_id': o.id, 'description': 'Need',
                'department_id': cls.department.id}),
            'eco.order.question': lambda o, c: env['eco.order.question'].create({
                'order_id': o.id, 'department_id': cls.department.id,
                'question': 'Capacity?'}),
            'eco.order.milestone': lambda o, c: env['eco.order.milestone'].create({
                'order_id': o.id, 'name': 'Sampling', 'deadline': _dt(5)}),
            'eco.order.change.request': lambda o, c: env[
                'eco.order.change.request'].create({
                    'order_id': o.id, 'kind': 'delivery_date',
                    'new_date': fields.Date.today(), 'reason': 'Site not ready'}),
            'eco.acceptance': lambda o, c: acceptance(o),
            'eco.acceptance.line': lambda o, c: env['eco.acceptance.line'].create({
                'acceptance_id': acceptance(o).id, 'name': 'Effluent COD'}),
            'eco.acceptance.criterion': lambda o, c: env[
                'eco.acceptance.criterion'].create({
                    'order_id': o.id, 'name': 'Effluent COD below limit'}),
            'eco.rectification': lambda o, c: env['eco.rectification'].create({
                'order_id': o.id, 'name': 'Leak', 'deadline': _dt(3)}),
            'eco.order.collaboration': lambda o, c: collaboration(o),
            'eco.order.collaboration.member': lambda o, c: env[
                'eco.order.collaboration.member'].create({
                    'collaboration_id': collaboration(o).id,
                    'department_id': cls.department.id}),
            'eco.order.plan.task': lambda o, c: env['eco.order.plan.task'].create({
                'collaboration_id': collaboration(o).id, 'name': 'Install'}),
            'eco.order.collab.issue': lambda o, c: env[
                'eco.order.collab.issue'].create({
                    'collaboration_id': collaboration(o).id,
                    'description': 'Pump delayed'}),
            'eco.compliance.line': lambda o, c: env['eco.compliance.line'].search([
                ('order_id', '=', o.id), ('clause_id', '=', cls.clause.id)]) or env[
                    'eco.compliance.line'].create({
                        'order_id': o.id, 'clause_id': cls.clause.id,
                        'result': 'met', 'computed_date': fields.Datetime.now()}),
            'eco.delivery.check': lambda o, c: env['eco.delivery.check'].create({
                'order_id': o.id, 'name': 'Seal intact'}),
            'eco.partner.access.log': lambda o, c: env[
                'eco.partner.access.log'].create({
                    'user_id': cls.user_conf.id, 'partner_id': c.id,
                    'order_id': o.id, 'action': 'read', 'res_model': 'res.partner'}),
            'eco.intake.rejection': lambda o, c: env['eco.intake.rejection'].create({
                'order_id': o.id, 'subject': 'Mail of %s' % c.name,
                'reason': 'Unreadable'}),
        }

    def _linked_models(self):
        """eco_order's eco.* models (stored) with a many2one to an order, a
        line, a partner, or (transitively) to such an eco model."""
        registry = self.env.registry
        # eco_order's own models; the add-ons built on it guard their models
        # in their own tests
        eco = {name: model for name, model in registry.items()
               if name.startswith('eco.') and not model._abstract
               and not model._transient
               and getattr(model, '_original_module', 'eco_order') == 'eco_order'}
        linked = set()
        changed = True
        while changed:
            changed = False
            for name, model in eco.items():
                if name in linked:
                    continue
                for field in model._fields.values():
                    if field.type == 'many2one' and field.store and (
                            field.comodel_name in LINKED
                            or field.comodel_name in linked) \
                            and field.name not in ('create_uid', 'write_uid'):
                        linked.add(name)
                        changed = True
                        break
        return linked

    def test_00_every_model_covered(self):
        linked = self._linked_models()
        self.assertIn('eco.order.need', linked)
        missing = sorted(linked - set(self.records) - set(EXEMPT))
        self.assertEqual(missing, [], 'eco models without a confidentiality test')
        rules = self.env['ir.rule'].search([('name', 'ilike', 'confidentiality level')])
        ruled = set(rules.mapped('model_id.model'))
        self.assertEqual(sorted(set(self.records) - ruled), [])

    def _visible(self, user, model):
        records = self.records[model]
        found = self.env[model].sudo(user).search(
            [('id', 'in', [records[level].id for level in LEVELS])])
        return sorted(level for level in LEVELS if records[level] in found)

    def test_01_levels_per_model(self):
        expected = {
            self.mgr_plain: ['internal', 'public'],
            self.mgr_conf: ['confidential', 'internal', 'public'],
            self.mgr_secret: ['confidential', 'internal', 'public', 'secret'],
        }
        for model in sorted(self.records):
            for user, levels in expected.items():
                self.assertEqual(self._visible(user, model), levels,
                                 '%s as %s' % (model, user.login))

    def test_02_read_refused_per_model(self):
        for model in sorted(self.records):
            for level in ('confidential', 'secret'):
                record = self.records[model][level].sudo(self.mgr_plain)
                with self.assertRaises(AccessError, msg='%s %s' % (model, level)):
                    record.read(['display_name'])
            secret = self.records[model]['secret']
            with self.assertRaises(AccessError, msg=model):
                secret.sudo(self.mgr_conf).read(['display_name'])
            self.assertEqual(
                secret.sudo(self.mgr_secret).read(['display_name'])[0]['id'],
                secret.id)
            public = self.records[model]['public']
            self.assertEqual(
                public.sudo(self.mgr_plain).read(['display_name'])[0]['id'],
                public.id)

    def test_03_staff_without_clearance(self):
        """Order staff (not managers) see the same levels on the models they
        may read; a rejection mail with no order is readable by all staff."""
        for model in sorted(self.records):
            if not self.env[model].sudo(self.user_staff).check_access_rights(
                    'read', raise_exception=False):
                continue
            self.assertEqual(self._visible(self.user_staff, model),
                             ['internal', 'public'], model)
            self.assertEqual(self._visible(self.user_conf, model),
                             ['confidential', 'internal', 'public'], model)
            # named on the secret customer but without the group: not enough
            self.assertEqual(self._visible(self.user_named, model),
                             ['internal', 'public'], model)
        orphan = self.env['eco.intake.rejection'].create(
            {'subject': 'No order', 'reason': 'Spam'})
        self.assertEqual(
            self.env['eco.intake.rejection'].sudo(self.user_staff).search(
                [('id', '=', orphan.id)]), orphan)
