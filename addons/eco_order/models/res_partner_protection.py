# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer-information protection (R7.2) on res.partner.

Every commercial entity carries a confidentiality level (``eco_classification``);
its contacts and addresses inherit it through the stored
``eco_effective_classification``, which the record rules of
``security/eco_order_protection_security.xml`` use. Reads and exports of
confidential or secret customers are written to ``eco.partner.access.log``.
"""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

CLASSIFICATION_SELECTION = [
    ('public', 'Public'),
    ('internal', 'Internal'),
    ('confidential', 'Confidential'),
    ('secret', 'Secret'),
]
DEFAULT_CLASSIFICATION = 'internal'
PROTECTED_LEVELS = ('confidential', 'secret')
DOCUMENT_KINDS = [
    ('account', 'Accounting documents'),
    ('stock', 'Pickings'),
]
MANAGER_GROUP = 'eco_order.group_eco_order_manager'
CONFIDENTIAL_GROUP = 'eco_order.group_eco_customer_confidential'
# fields whose reading is not an access to customer information worth logging


class ResPartner(models.Model):
    _name = 'res.partner'
    _inherit = ['res.partner', 'eco.access.log.mixin']

    eco_classification = fields.Selection(
        CLASSIFICATION_SELECTION, string='Confidentiality',
        default=DEFAULT_CLASSIFICATION, index=True, track_visibility='onchange',
        help="Confidentiality level of this customer's information. Contacts and "
             "addresses follow the level of their company. Only order managers "
             "may change it.")
    eco_effective_classification = fields.Selection(
        CLASSIFICATION_SELECTION, string='Effective Confidentiality',
        compute='_compute_eco_effective_classification', store=True, index=True,
        help="Level of the commercial entity (company) this partner belongs to; "
             "it decides who may read the partner.")
    eco_allowed_user_ids = fields.Many2many(
        'res.users', 'eco_partner_allowed_user_rel', 'partner_id', 'user_id',
        string='Users Allowed (Secret)',
        groups='eco_order.group_eco_order_manager,'
               'eco_order.group_eco_customer_confidential',
        help="For a secret customer: the only users who may read it, provided "
             "they also belong to the group 'Confidential Customer Data'.")
    eco_is_internal_user = fields.Boolean(
        string='Is an Internal User', compute='_compute_eco_is_internal_user',
        store=True, index=True,
        help="Partner of an internal user (employee): readable by everyone "
             "whatever the level, as Odoo needs it.")

    eco_document_partner = fields.Selection(
        DOCUMENT_KINDS, string='Named on Documents',
        compute='_compute_eco_document_partner',
        search='_search_eco_document_partner',
        help="Technical: search ('eco_document_partner', 'in', kinds) finds the "
             "partners named on an accounting document (invoice, payment, "
             "journal item: kind 'account') or on a picking (kind 'stock'). "
             "The confidentiality rule lets accountants and warehouse users "
             "read these partners whatever their level.")

    @api.multi
    def _compute_eco_document_partner(self):
        for partner in self:
            partner.eco_document_partner = False

    @api.model
    def _eco_document_partner_queries(self):
        """{kind: [(table, column)]} of the documents that name a partner, for
        the models installed. Extension point (e.g. delivery slips of other
        add-ons)."""
        tables = {
            'account': [('account.invoice', 'partner_id'),
                        ('account.invoice', 'commercial_partner_id'),
                        ('account.payment', 'partner_id'),
                        ('account.move.line', 'partner_id')],
            'stock': [('stock.picking', 'partner_id')],
        }
        return {kind: [(self.env[model]._table, column)
                       for model, column in pairs if model in self.env]
                for kind, pairs in tables.items()}

    @api.model
    def _search_eco_document_partner(self, operator, value):
        if operator not in ('in', '='):
            raise UserError(_('Unsupported search on documents: %s') % operator)
        kinds = value if isinstance(value, (list, tuple)) else [value]
        queries = self._eco_document_partner_queries()
        selects = [
            'SELECT "%s" FROM "%s" WHERE "%s" IS NOT NULL' % (column, table, column)
            for kind in kinds for table, column in queries.get(kind, [])]
        if not selects:
            return expression.FALSE_DOMAIN
        # table and column names come from the registry, not from the caller
        return [('id', 'inselect', (' UNION '.join(selects), []))]

    @api.depends('commercial_partner_id.eco_classification')
    def _compute_eco_effective_classification(self):
        for partner in self:
            partner.eco_effective_classification = (
                partner.commercial_partner_id.eco_classification)

    @api.depends('user_ids.share')
    def _compute_eco_is_internal_user(self):
        for partner in self:
            partner.eco_is_internal_user = any(
                not user.share for user in partner.sudo().user_ids)

    @api.model
    def create(self, vals):
        self._eco_check_protection_create(vals)
        return super(ResPartner, self).create(vals)

    @api.multi
    def write(self, vals):
        self._eco_check_protection_write(vals)
        return super(ResPartner, self).write(vals)

    # protection helpers

    def _eco_may_classify(self):
        """Whether the current user may change classifications."""
        return self.env.uid == SUPERUSER_ID or self.env.user.has_group(MANAGER_GROUP)

    def _eco_classification_error(self):
        return AccessError(_(
            "Only order managers may change the confidentiality classification "
            "of a customer or the users allowed to read a secret customer."))

    @api.model
    def _eco_check_protection_create(self, vals):
        if self._eco_may_classify():
            return
        if vals.get('eco_classification') not in (None, False, DEFAULT_CLASSIFICATION):
            raise self._eco_classification_error()
        if not self._eco_m2m_commands_empty(vals.get('eco_allowed_user_ids')):
            raise self._eco_classification_error()

    @api.multi
    def _eco_check_protection_write(self, vals):
        if self.env.uid == SUPERUSER_ID:
            return
        if self._eco_may_classify():
            self._eco_check_lock_out(vals)
            return
        if 'eco_classification' in vals and any(
                partner.eco_classification != vals['eco_classification']
                for partner in self.sudo()):
            raise self._eco_classification_error()
        if 'eco_allowed_user_ids' in vals and any(
                set(self._eco_apply_m2m_commands(
                    partner.eco_allowed_user_ids.ids, vals['eco_allowed_user_ids']))
                != set(partner.eco_allowed_user_ids.ids)
                for partner in self.sudo()):
            raise self._eco_classification_error()

    @api.multi
    def _eco_check_lock_out(self, vals):
        """A manager may not classify a customer above what they may read
        themselves: the write would fail half-way (they could no longer read
        the record) and nobody reachable would be in charge of it."""
        level = vals.get('eco_classification')
        if level not in PROTECTED_LEVELS:
            return
        user = self.env.user
        if not user.has_group(CONFIDENTIAL_GROUP):
            raise AccessError(_(
                "You need the clearance 'Confidential Customer Data' to classify "
                "a customer confidential or secret."))
        if level == 'secret':
            for partner in self.sudo():
                allowed = self._eco_apply_m2m_commands(
                    partner.eco_allowed_user_ids.ids, vals.get('eco_allowed_user_ids'))
                if user.id not in allowed:
                    raise AccessError(_(
                        "Name yourself among the users allowed to read %s before "
                        "classifying it secret.") % partner.display_name)

    @api.model
    def _eco_apply_m2m_commands(self, ids, commands):
        """The ids linked after applying x2many ``commands`` to ``ids``."""
        result = list(ids)
        for cmd in commands or []:
            if cmd[0] == 6:
                result = list(cmd[2] or [])
            elif cmd[0] == 5:
                result = []
            elif cmd[0] == 4 and cmd[1] not in result:
                result.append(cmd[1])
            elif cmd[0] in (2, 3) and cmd[1] in result:
                result.remove(cmd[1])
        return result

    @api.model
    def _eco_m2m_commands_empty(self, commands):
        """True when x2many ``commands`` given on create link nothing."""
        for cmd in commands or []:
            if not isinstance(cmd, (list, tuple)):
                return False
            if cmd[0] == 6 and not cmd[2]:
                continue
            if cmd[0] in (3, 5):
                continue
            return False
        return True

    @api.multi
    def _eco_protected(self):
        """The records of ``self`` classified confidential or secret (as sudo)."""
        if not self.ids:
            return self.browse()
        return self.sudo().with_context(active_test=False).search([
            ('id', 'in', self.ids),
            ('eco_effective_classification', 'in', list(PROTECTED_LEVELS)),
        ])

    @api.multi
    def _eco_access_log_entries(self):
        return [(partner.id, False) for partner in self._eco_protected()]
