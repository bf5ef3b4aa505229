# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Deadline and escalation mixin, shared by every record that has a due date.

A model inherits ``eco.deadline.mixin`` (plus ``mail.thread`` and
``mail.activity.mixin``, needed for the escalation activities) and configures
it with class attributes:

- ``_deadline_responsible_field``: field path (``mapped``) of the responsible
  user notified at level 1 (default ``user_id``);
- ``_deadline_manager_field``: field path of the manager notified at level 2
  (default none: the responsible is notified again);
- ``_deadline_grace_param`` / ``_deadline_grace_default``: hours after the
  deadline before level 2 (an ``ir.config_parameter``);
- ``_deadline_due_soon_hours``: window of the ``due_soon`` state.

Hooks to override: ``_eco_deadline_responsible()``, ``_eco_deadline_manager()``,
``_eco_escalation_summary(level)``, ``_eco_escalate(level)``.
``_cron_eco_escalate_overdue(batch_size)`` is what a scheduled action calls.
"""
import logging
import re
import threading
from datetime import timedelta

from psycopg2 import sql
from psycopg2.extensions import TransactionRollbackError

from odoo import _, api, fields, models
from odoo.osv import expression
from odoo.tools.misc import split_every

_logger = logging.getLogger(__name__)

TABLE_RE = re.compile(r'^[a-z_][a-z0-9_]*$')

LEVEL_NONE = 0
LEVEL_RESPONSIBLE = 1
LEVEL_MANAGER = 2


def lock_rows_skip_locked(cr, table, ids, columns=('id',)):
    """Lock the rows ``ids`` of ``table`` (``FOR UPDATE SKIP LOCKED``).

    Returns the locked rows (dicts with ``columns``); rows locked by another
    transaction are left out, so two workers never handle the same row.
    """
    if not ids:
        return []
    if not TABLE_RE.match(table) or not all(TABLE_RE.match(c) for c in columns):
        raise ValueError('Invalid table or column name: %s %s' % (table, columns))
    query = sql.SQL(
        'SELECT {cols} FROM {table} WHERE id IN %s ORDER BY id '
        'FOR UPDATE SKIP LOCKED'
    ).format(
        cols=sql.SQL(', ').join(sql.Identifier(c) for c in columns),
        table=sql.Identifier(table),
    )
    # Odoo's cursor logs and inspects the query as a string; a serialization failure
    # (rows changed by a concurrent run) is the caller's to handle: not logged as ERROR
    cr.execute(query.as_string(cr._obj), (tuple(ids),), log_exceptions=False)
    return cr.dictfetchall()


def try_advisory_xact_lock(cr, key):
    """Take the transaction-level advisory lock ``key`` if no other transaction
    holds it; return whether it was taken (released at commit or rollback).

    For work done whole that a second worker would only repeat (a refresh of
    figures): the second one leaves it to the first instead of waiting or
    failing on a serialization error.
    """
    cr.execute('SELECT pg_try_advisory_xact_lock(%s)', (key,))
    return cr.fetchone()[0]


def run_batches(records, method, batches, *args):
    """Run ``records.<method>(batch, *args)`` for each batch; return the sum.

    Run by a cron or by "Run Manually" (context key ``eco_cron_batches``, set by
    ``ir.cron``), each batch runs and commits in a transaction of its own whose first
    query locks the batch's rows (``lock_rows_skip_locked``): two workers running the
    same cron at once share the work instead of failing whole on a serialization
    error at the end. A batch that a concurrent run changed meanwhile (serialization
    failure, deadlock) is rolled back and left to that run. Elsewhere (tests, other
    callers) every batch runs in the caller's transaction, which commits nothing.
    """
    own = (records.env.context.get('eco_cron_batches')
           and not getattr(threading.current_thread(), 'testing', False))
    done = 0
    for batch in batches:
        if not own:
            done += getattr(records, method)(batch, *args)
            continue
        try:
            with records.pool.cursor() as cr:
                done += getattr(records.with_env(records.env(cr=cr)), method)(
                    batch, *args)
        except TransactionRollbackError as error:
            _logger.info('%s.%s: %d records left to a concurrent run (%s)',
                         records._name, method, len(batch), error.pgcode)
    if own:
        # the batches changed the rows in cursors of their own
        records.env.cache.invalidate()
    return done


class EcoDeadlineMixin(models.AbstractModel):
    _name = 'eco.deadline.mixin'
    _description = 'Deadline and Escalation Mixin'

    _deadline_responsible_field = 'user_id'
    _deadline_manager_field = False
    _deadline_grace_param = 'eco_order.escalation_grace_hours'
    _deadline_grace_default = 24.0
    _deadline_due_soon_hours = 24.0

    deadline = fields.Datetime(string='Deadline', index=True)
    date_done = fields.Datetime(string='Done On', copy=False)
    done_late = fields.Boolean(
        string='Done Late', compute='_compute_done_late', store=True,
        help='Done after the deadline.')
    deadline_state = fields.Selection([
        ('on_time', 'On Time'),
        ('due_soon', 'Due Soon'),
        ('overdue', 'Overdue'),
        ('done_on_time', 'Done On Time'),
        ('done_late', 'Done Late'),
    ], string='Deadline Status', compute='_compute_deadline_state',
        search='_search_deadline_state')
    escalation_level = fields.Integer(
        string='Escalation Level', default=0, copy=False, index=True,
        help='0: not escalated, 1: responsible notified, 2: manager notified.')
    last_escalation_date = fields.Datetime(
        string='Last Escalation', copy=False)

    @api.depends('deadline', 'date_done')
    def _compute_done_late(self):
        for rec in self:
            rec.done_late = bool(
                rec.date_done and rec.deadline and rec.date_done > rec.deadline)

    @api.depends('deadline', 'date_done', 'done_late')
    def _compute_deadline_state(self):
        now = fields.Datetime.now()
        soon = fields.Datetime.to_string(
            fields.Datetime.from_string(now)
            + timedelta(hours=self._deadline_due_soon_hours))
        for rec in self:
            if rec.date_done:
                rec.deadline_state = 'done_late' if rec.done_late else 'done_on_time'
            elif rec.deadline and rec.deadline < now:
                rec.deadline_state = 'overdue'
            elif rec.deadline and rec.deadline <= soon:
                rec.deadline_state = 'due_soon'
            else:
                rec.deadline_state = 'on_time'

    @api.model
    def _deadline_state_domain(self, state):
        now = fields.Datetime.now()
        soon = fields.Datetime.to_string(
            fields.Datetime.from_string(now)
            + timedelta(hours=self._deadline_due_soon_hours))
        open_ = [('date_done', '=', False)]
        return {
            'overdue': open_ + [('deadline', '!=', False), ('deadline', '<', now)],
            'due_soon': open_ + [('deadline', '>=', now), ('deadline', '<=', soon)],
            'on_time': open_ + ['|', ('deadline', '=', False), ('deadline', '>', soon)],
            'done_on_time': [('date_done', '!=', False), ('done_late', '=', False)],
            'done_late': [('date_done', '!=', False), ('done_late', '=', True)],
        }.get(state, [('id', '=', 0)])

    @api.model
    def _search_deadline_state(self, operator, value):
        if operator not in ('=', '!=', 'in', 'not in'):
            raise ValueError(_('Unsupported operator %s for the deadline status.')
                             % operator)
        values = [value] if isinstance(value, str) else list(value or [])
        domain = expression.OR(
            [self._deadline_state_domain(state) for state in values]
        ) if values else [('id', '=', 0)]
        domain = expression.normalize_domain(domain)
        if operator in ('!=', 'not in'):
            return ['!'] + domain
        return domain

    @api.multi
    def write(self, vals):
        # a new deadline restarts the escalation
        if 'deadline' in vals and 'escalation_level' not in vals:
            vals = dict(vals, escalation_level=0)
        return super(EcoDeadlineMixin, self).write(vals)

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    @api.model
    def _eco_deadline_grace_hours(self):
        value = self.env['ir.config_parameter'].sudo().get_param(
            self._deadline_grace_param, self._deadline_grace_default)
        try:
            return float(value)
        except (TypeError, ValueError):
            return float(self._deadline_grace_default)

    @api.multi
    def _eco_deadline_responsible(self):
        """The user notified at level 1 (empty recordset: nobody)."""
        self.ensure_one()
        if not self._deadline_responsible_field:
            return self.env['res.users']
        return self.mapped(self._deadline_responsible_field)[:1]

    @api.multi
    def _eco_deadline_manager(self):
        """The user notified at level 2; falls back to the responsible."""
        self.ensure_one()
        if self._deadline_manager_field:
            manager = self.mapped(self._deadline_manager_field)[:1]
            if manager:
                return manager
        return self._eco_deadline_responsible()

    @api.multi
    def _eco_escalation_summary(self, level):
        self.ensure_one()
        if level >= LEVEL_MANAGER:
            return _('Overdue, escalated to manager: %s') % self.display_name
        return _('Overdue: %s') % self.display_name

    @api.multi
    def _eco_escalation_activity_values(self, level, user, activity_type, model_id):
        self.ensure_one()
        return {
            'res_model_id': model_id,
            'res_id': self.id,
            'activity_type_id': activity_type.id,
            'summary': self._eco_escalation_summary(level),
            'user_id': user.id,
            'date_deadline': fields.Date.context_today(self),
        }

    @api.multi
    def _eco_escalate(self, level):
        """Notify the responsible (level 1) or the manager (level 2) of every
        record in ``self`` with a to-do activity. Writes no level (the caller
        does, once per level group).

        All values are computed first (prefetched reads), then the activities
        are created in one go: a constant number of queries per batch.
        """
        if not self:
            return
        activity_type = self.env.ref(
            'eco_order.mail_activity_type_eco_escalation', raise_if_not_found=False)
        if not activity_type:
            activity_type = self.env.ref('mail.mail_activity_data_todo')
        model_id = self.env['ir.model']._get(self._name).id
        vals_list = []
        for rec in self:
            if level >= LEVEL_MANAGER:
                user = rec._eco_deadline_manager()
            else:
                user = rec._eco_deadline_responsible()
            if not user:
                _logger.info('%s %s: nobody to notify at escalation level %s',
                             self._name, rec.id, level)
                continue
            vals_list.append(rec._eco_escalation_activity_values(
                level, user, activity_type, model_id))
        self._eco_create_activities(vals_list)

    @api.model
    def _eco_create_activities(self, vals_list):
        """Create the escalation activities of a batch at once: a constant
        number of queries whatever the batch size (``mail.activity.create``
        of Odoo 11 costs some 35 queries per activity)."""
        return self.env['mail.activity'].sudo()._eco_create_bulk(vals_list)

    # ------------------------------------------------------------------
    # Scheduled escalation
    # ------------------------------------------------------------------
    @api.model
    def _eco_escalation_domain(self, now, grace_limit):
        return [
            ('date_done', '=', False),
            ('deadline', '!=', False),
            ('deadline', '<', now),
            '|', ('escalation_level', '<', LEVEL_RESPONSIBLE),
            '&', ('escalation_level', '<', LEVEL_MANAGER),
            ('deadline', '<', grace_limit),
        ]

    @api.model
    def _eco_due_level(self, row, now, grace_limit):
        if row['date_done'] or not row['deadline'] or row['deadline'] >= now:
            return LEVEL_NONE
        return LEVEL_MANAGER if row['deadline'] < grace_limit else LEVEL_RESPONSIBLE

    @api.model
    def _cron_eco_escalate_overdue(self, batch_size=500):
        """Escalate overdue records not yet escalated at their due level.

        Returns the number of records escalated. Batches commit on their own only
        when run by the cron (``run_batches``).
        """
        now_dt = fields.Datetime.from_string(fields.Datetime.now())
        now = fields.Datetime.to_string(now_dt)
        grace_limit = fields.Datetime.to_string(
            now_dt - timedelta(hours=self._eco_deadline_grace_hours()))
        ids = self.search(self._eco_escalation_domain(now, grace_limit),
                          order='deadline, id').ids
        return run_batches(self, '_eco_escalate_batch',
                           split_every(batch_size, ids, list), now, grace_limit)

    @api.model
    def _eco_escalate_batch(self, ids, now, grace_limit):
        rows = lock_rows_skip_locked(
            self.env.cr, self._table, ids,
            ('id', 'escalation_level', 'deadline', 'date_done'))
        # level check inside the lock: the rows as they are now
        to_level = {}
        for row in rows:
            for key in ('deadline', 'date_done'):
                if row[key] and not isinstance(row[key], str):
                    row[key] = fields.Datetime.to_string(row[key])
            due = self._eco_due_level(row, now, grace_limit)
            if due > (row['escalation_level'] or 0):
                to_level[row['id']] = (row['escalation_level'] or 0, due)
        if not to_level:
            return 0
        records = self.browse(list(to_level))
        for level in (LEVEL_RESPONSIBLE, LEVEL_MANAGER):
            group = records.filtered(
                lambda r: to_level[r.id][0] < level <= to_level[r.id][1])
            group._eco_escalate(level)
        for level in (LEVEL_RESPONSIBLE, LEVEL_MANAGER):
            group = records.filtered(lambda r: to_level[r.id][1] == level)
            if group:
                group.write({'escalation_level': level, 'last_escalation_date': now})
        return len(records)
