# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Regulation compliance checks of orders.

Each active ``eco.compliance.clause`` with key ``<key>`` is evaluated by
``sale.order._eco_compliance_<key>()``: called on a recordset of orders (one
batch), it returns ``{order_id: (result, note)}`` where result is ``met``,
``late``, ``missing`` or ``na``. Methods read their data batch-wise (the ORM
prefetches the batch), so a batch costs a bounded number of queries.

Notes are stored as data, not text (``eco.compliance.line.note_data``): a clause
returns ``compliance_note(_("English message %s"), arg, ...)``; the methods run
with the English context, so ``_()`` gives the source message, which the line
translates into the reader's language when it is read. An argument may itself
be translated at read time: ``{"tr": _("label")}``, ``{"sel": [model, field,
value]}`` (a selection label) or ``{"join": [arg, ...]}`` (", "-joined). A
plain string note is kept as it is.

The scheduled check is incremental (``_cron_eco_compliance``): it evaluates the
orders changed since their last check (the order or a record of
``_eco_compliance_input_models()``), those whose next deadline
(``eco_compliance_due``, from ``_eco_compliance_next_due()``) has passed and
all of them when the clauses or their parameters changed; in batches whose
orders are locked ``FOR UPDATE SKIP LOCKED`` (two workers never check the same
order), at a constant number of queries per batch.
"""
import hashlib
import json
import logging
from collections import defaultdict
from datetime import datetime, timedelta

from psycopg2 import sql
from psycopg2.extensions import TransactionRollbackError

from odoo import _, api, fields, models
from odoo.tools import split_every

from .eco_deadline_mixin import lock_rows_skip_locked, run_batches

_logger = logging.getLogger(__name__)

PARAM_SIGNATURE = "eco_order.compliance_signature"


def compliance_note(msgid, *args):
    """Note data of a clause result: ``msgid`` (the English message, written as
    ``_("...")`` so that it is extracted for translation) and its arguments."""
    return [msgid, list(args)]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    eco_compliance_line_ids = fields.One2many(
        comodel_name="eco.compliance.line", inverse_name="order_id",
        string="Compliance", readonly=True, copy=False,
        groups="eco_order.group_eco_order_user")
    eco_compliance_issue_count = fields.Integer(
        string="Compliance Issues", compute="_compute_eco_compliance_issue_count",
        groups="eco_order.group_eco_order_user")
    # written in SQL by the check (not by write(): the check does not change
    # the order's write_date, which tells the next run what changed)
    eco_compliance_date = fields.Datetime(
        string="Compliance Checked On", readonly=True, copy=False,
        groups="eco_order.group_eco_order_user")
    eco_compliance_due = fields.Datetime(
        string="Next Compliance Deadline", readonly=True, copy=False, index=True,
        groups="eco_order.group_eco_order_user",
        help="When a deadline of a clause passes (first response, "
             "acknowledgement, milestone): the order is checked again then.")

    @api.multi
    def _compute_eco_compliance_issue_count(self):
        data = self.env["eco.compliance.line"].read_group(
            [("order_id", "in", self.ids), ("result", "in", ("late", "missing"))],
            ["order_id"], ["order_id"])
        counts = {d["order_id"][0]: d["order_id_count"] for d in data}
        for order in self:
            order.eco_compliance_issue_count = counts.get(order.id, 0)

    # ------------------------------------------------------------------
    # current when read (the order form)
    # ------------------------------------------------------------------
    # a read of the compliance lines of at most this many orders (the order
    # form: one) first re-evaluates those changed since their last check
    _eco_compliance_refresh_limit = 20

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        # The client's read of the compliance tab (not the ORM's own prefetch,
        # which reads with load='_classic_write'; nor the order list, which
        # does not read the lines) re-evaluates the orders whose inputs
        # changed since their last check, so the tab is current when opened.
        if (fields and "eco_compliance_line_ids" in fields
                and load != "_classic_write"
                and 0 < len(self) <= self._eco_compliance_refresh_limit
                and not self.env.context.get("eco_compliance_no_refresh")
                and self.user_has_groups("eco_order.group_eco_order_user")):
            self._eco_compliance_refresh_stale()
        return super(SaleOrder, self).read(fields=fields, load=load)

    @api.multi
    def _eco_compliance_refresh_stale(self):
        """Re-evaluate those of these orders that are pending (never checked,
        changed since their check, the order or an input record, a deadline
        passed, the clauses changed): one query when none is; the pending
        ones are locked ``FOR UPDATE SKIP LOCKED`` (an order a concurrent
        check holds keeps its lines until that check commits). Returns the
        ids evaluated."""
        # explicit check as the user, then write the (read-only) lines as
        # superuser (as the Check Compliance button)
        self.check_access_rights("read")
        self.check_access_rule("read")
        orders = self.sudo().with_context(prefetch_fields=False)
        now = fields.Datetime.now()
        stamp = orders._eco_compliance_read_stamp()
        orders = orders.with_context(
            eco_compliance_reset=orders._eco_compliance_check_signature(stamp))
        pending = orders._eco_compliance_pending_ids(now, ids=self.ids)
        rows = lock_rows_skip_locked(self.env.cr, self._table, pending)
        locked = [row["id"] for row in rows]
        if locked:
            orders.browse(locked)._eco_compliance_compute(stamp)
        return locked

    # ------------------------------------------------------------------
    # actions and cron
    # ------------------------------------------------------------------
    @api.multi
    def action_eco_compliance_check(self):
        """Button: re-evaluate the compliance of these orders now."""
        # explicit check as the user, then write the (read-only) lines as
        # superuser
        self.check_access_rights("read")
        self.check_access_rule("read")
        self.sudo()._eco_compliance_compute()
        return True

    @api.model
    def _cron_eco_compliance(self, batch_size=200, max_batches=0):
        """Scheduled action: check the orders that need it (see the module
        docstring), ``batch_size`` orders per batch, at most ``max_batches``
        batches per run (0: all; the rest waits for the next run), and drop
        the lines of cancelled orders. Returns the number of orders checked.
        Run by the cron, each batch commits on its own (``run_batches``);
        called elsewhere, it commits nothing."""
        orders = self.sudo().with_context(active_test=False, prefetch_fields=False)
        run_batches(orders, "_eco_compliance_drop_cancelled", [None])
        now = fields.Datetime.now()
        stamp = orders._eco_compliance_read_stamp()
        orders = orders.with_context(
            eco_compliance_reset=orders._eco_compliance_check_signature(stamp))
        batches = list(split_every(batch_size, orders._eco_compliance_pending_ids(now),
                                   list))
        if max_batches:
            batches = batches[:max_batches]
        return run_batches(orders, "_eco_compliance_batch", batches, now, stamp)

    @api.model
    def _eco_compliance_drop_cancelled(self, _batch=None):
        """Drop the compliance lines of cancelled orders (one query)."""
        self.env.cr.execute(
            "DELETE FROM eco_compliance_line l USING sale_order so "
            "WHERE so.id = l.order_id AND so.state = 'cancel'")
        return 0

    @api.model
    def _eco_compliance_reset(self):
        """Orders checked before this date (the last change of the clauses or
        their parameters) are checked again."""
        return self.env.context.get("eco_compliance_reset") or "1970-01-01 00:00:00"

    @api.model
    def _eco_compliance_batch(self, ids, now, stamp):
        """Check the orders ``ids`` not locked by another worker and still
        pending once locked; returns how many were checked."""
        rows = lock_rows_skip_locked(
            self.env.cr, self._table, ids,
            ("id", "state", "write_date", "eco_compliance_date", "eco_compliance_due"))
        pending = self._eco_compliance_still_pending(rows, now)
        if pending:
            self.browse(pending)._eco_compliance_compute(stamp)
        # the batch is done: keep the memory flat over many batches
        self.env.cache.invalidate()
        return len(pending)

    @api.model
    def _eco_compliance_still_pending(self, rows, now):
        """Ids of the locked ``rows`` that still need a check (another worker
        may have checked them since the selection): one query."""
        def stamp(value):
            return fields.Datetime.to_string(value) if value and not isinstance(
                value, str) else value
        pending, checked = [], {}
        reset = self._eco_compliance_reset()
        for row in rows:
            if row["state"] == "cancel":
                continue
            date = stamp(row["eco_compliance_date"])
            due = stamp(row["eco_compliance_due"])
            if (not date or stamp(row["write_date"]) >= date or (due and due <= now)
                    or date < reset):
                pending.append(row["id"])
            else:
                checked[row["id"]] = date
        if checked:
            changed = self._eco_compliance_changed_inputs(list(checked))
            pending.extend(i for i in checked if i in changed)
        return sorted(pending)

    @api.model
    def _eco_compliance_input_models(self):
        """Models (with ``order_id``) whose records are inputs of the
        clauses: a change of one of them (its write_date) has its order
        checked again. Extension point of add-ons that register clauses."""
        return ["eco.order.need", "eco.order.milestone", "eco.order.change.request",
                "eco.acceptance"]

    @api.model
    def _eco_compliance_input_tables(self):
        return [self.env[name]._table for name in self._eco_compliance_input_models()
                if name in self.env]

    @api.model
    def _eco_compliance_pending_ids(self, now, ids=None):
        """Ids of the orders to check (one query): never checked, changed since
        their check (the order or an input record), or a deadline passed;
        only among ``ids`` when given."""
        among = sql.SQL(" AND so.id IN %(ids)s" if ids else "")
        parts = [sql.SQL(
            "SELECT so.id FROM sale_order so WHERE so.state != 'cancel' AND ("
            "so.eco_compliance_date IS NULL OR so.write_date >= so.eco_compliance_date "
            "OR so.eco_compliance_due <= %(now)s "
            "OR so.eco_compliance_date < %(reset)s)") + among]
        for table in self._eco_compliance_input_tables():
            parts.append(sql.SQL(
                "SELECT r.order_id FROM {table} r "
                "JOIN sale_order so ON so.id = r.order_id "
                "WHERE so.state != 'cancel' AND r.write_date >= so.eco_compliance_date"
            ).format(table=sql.Identifier(table)) + among)
        query = sql.SQL(" UNION ").join(parts) + sql.SQL(" ORDER BY 1")
        self.env.cr.execute(query.as_string(self.env.cr._obj), {
            "now": now, "reset": self._eco_compliance_reset(),
            "ids": tuple(ids or ())})
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _eco_compliance_changed_inputs(self, checked):
        """Of the orders ``checked``, those with an input record changed since
        their check (one query)."""
        parts = [sql.SQL(
            "SELECT r.order_id FROM {table} r JOIN sale_order so ON so.id = r.order_id "
            "WHERE so.id IN %(ids)s AND r.write_date >= so.eco_compliance_date"
        ).format(table=sql.Identifier(table))
            for table in self._eco_compliance_input_tables()]
        if not parts:
            return set()
        query = sql.SQL(" UNION ").join(parts)
        self.env.cr.execute(query.as_string(self.env.cr._obj), {"ids": tuple(checked)})
        return {row[0] for row in self.env.cr.fetchall()}

    @api.model
    def _eco_compliance_param_keys(self):
        """System parameters the clauses read: a change rechecks every order."""
        return ["eco_order.response_target_hours", "eco_order.ack_delay_hours"]

    @api.model
    def _eco_compliance_check_signature(self, stamp):
        """The date from which every order is checked again: when the clauses
        (added, archived, changed) or their parameters changed since the last
        run, ``stamp`` (no mass update: the orders checked before it are
        pending)."""
        clauses = self._eco_compliance_clauses()
        Param = self.env["ir.config_parameter"].sudo()
        data = [(c.id, c.key, c.write_date) for c in clauses] + [
            (key, Param.get_param(key)) for key in self._eco_compliance_param_keys()]
        signature = hashlib.sha1(repr(data).encode("utf-8")).hexdigest()
        stored = (Param.get_param(PARAM_SIGNATURE) or "").split("|")
        if stored[0] != signature or len(stored) != 2:
            stored = [signature, stamp[:19]]
            self._eco_compliance_store_signature("|".join(stored))
        return stored[1]

    @api.model
    def _eco_compliance_store_signature(self, value):
        """Store the signature of the clauses; when a concurrent run (another
        worker) stores it at the same moment, its value stays (computed from
        the same clauses)."""
        cr = self.env.cr
        try:
            with cr.savepoint():
                cr.execute(
                    "UPDATE ir_config_parameter SET value = %s, write_uid = %s, "
                    "write_date = now() AT TIME ZONE 'UTC' WHERE key = %s",
                    (value, self.env.uid, PARAM_SIGNATURE), log_exceptions=False)
                if not cr.rowcount:
                    cr.execute(
                        "INSERT INTO ir_config_parameter (key, value, create_uid, "
                        "write_uid, create_date, write_date) VALUES (%s, %s, %s, %s, "
                        "now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC') "
                        "ON CONFLICT (key) DO NOTHING",
                        (PARAM_SIGNATURE, value, self.env.uid, self.env.uid),
                        log_exceptions=False)
        except TransactionRollbackError as error:
            _logger.info("compliance signature stored by a concurrent run (%s)",
                         error.pgcode)
        # get_param caches the parameters
        self.env["ir.config_parameter"].clear_caches()

    # ------------------------------------------------------------------
    # evaluation
    # ------------------------------------------------------------------
    @api.model
    def _eco_compliance_clauses(self):
        # archived clauses stay out even when the caller reads with
        # active_test=False (the cron does)
        return self.env["eco.compliance.clause"].sudo().with_context(
            active_test=True).search([("model", "=", self._name)])

    @api.multi
    def _eco_compliance_evaluate(self):
        """{(order_id, clause_id): (result, note)} for these orders and every
        active clause that has an evaluation method."""
        orders = self.filtered(lambda o: o.state != "cancel")
        results = {}
        if not orders:
            return results
        # English context: ``_()`` in the clauses gives the source messages
        # (stored as data, translated for each reader)
        orders = orders.with_context(lang="en_US")
        for clause in self._eco_compliance_clauses():
            method = getattr(orders, "_eco_compliance_%s" % clause.key, None)
            if method is None:
                _logger.warning("No method evaluates compliance clause %s (%s)",
                                clause.code, clause.key)
                continue
            values = method()
            for order in orders:
                result, note = values.get(order.id, ("na", ""))
                results[(order.id, clause.id)] = (result, self._eco_note_json(note))
        return results

    @api.model
    def _eco_note_json(self, note):
        """The stored form of a clause's note (JSON, "" for none)."""
        if not note:
            return ""
        if isinstance(note, str):
            note = [note, None]
        return json.dumps(note, sort_keys=True, ensure_ascii=False)

    @api.multi
    def _eco_compliance_compute(self, stamp=None):
        """(Re)write the compliance lines of these orders (one batch). Call
        as superuser after checking the caller may read the orders.

        Bounded queries per batch: one search of the existing lines, one
        UPDATE per distinct (result, note) that changed, one UPDATE of the
        check date of the unchanged lines, one DELETE, one INSERT and one
        UPDATE of the orders' check stamps.
        """
        Line = self.env["eco.compliance.line"].sudo()
        now = fields.Datetime.now()
        # read only the fields the clauses use (one query per field and batch)
        results = self.with_context(prefetch_fields=False)._eco_compliance_evaluate()
        existing = Line.search([("order_id", "in", self.ids)])
        unchanged = obsolete = Line.browse()
        changed = defaultdict(list)
        for line in existing:
            key = (line.order_id.id, line.clause_id.id)
            if key not in results:
                obsolete |= line
                continue
            result, note = results.pop(key)
            if line.result == result and (line.note_data or "") == note:
                unchanged |= line
            else:
                changed[(result, note)].append(line.id)
        for (result, note), line_ids in changed.items():
            Line.browse(line_ids).write(
                {"result": result, "note_data": note, "computed_date": now})
        unchanged.write({"computed_date": now})
        obsolete.unlink()
        if results:
            self._eco_compliance_insert(results, now)
        self._eco_compliance_stamp(now, stamp or self._eco_compliance_read_stamp())
        return True

    @api.model
    def _eco_compliance_read_stamp(self):
        """The check date to record: the start of the oldest open transaction
        (what it writes is dated earlier but not visible yet, so an order it
        changes still counts as changed at the next run)."""
        self.env.cr.execute("""
            SELECT to_char(LEAST(now(), min(xact_start)) AT TIME ZONE 'UTC',
                           'YYYY-MM-DD HH24:MI:SS.US')
            FROM pg_stat_activity WHERE datname = current_database()
        """)
        return self.env.cr.fetchone()[0]

    @api.multi
    def _eco_compliance_stamp(self, now, stamp):
        """Record the check (``stamp``) and the next deadline after ``now`` of
        these orders (one UPDATE, in SQL: the order's write_date stays that of
        its last change)."""
        due = self._eco_compliance_next_due(now)
        self.env.cr.execute("""
            UPDATE sale_order so SET eco_compliance_date = %s,
                eco_compliance_due = t.due
            FROM unnest(%s::int[], %s::timestamp[]) AS t(id, due)
            WHERE so.id = t.id
        """, (stamp, self.ids, [due.get(order_id) or None for order_id in self.ids]))
        self.invalidate_cache(["eco_compliance_date", "eco_compliance_due"], self.ids)

    @api.multi
    def _eco_compliance_next_due(self, now):
        """{order id: the next time (after ``now``) a clause result changes by
        itself: first-response target, acknowledgement deadline, milestone
        deadline}. Extension point (take the earliest with super()'s)."""
        target = self._eco_param_hours("eco_order.response_target_hours", 24)
        milestones = self._eco_records_by_order(
            "eco.order.milestone", [("date_done", "=", False), ("deadline", ">", now)])
        res = {}
        for order in self:
            dates = [m.deadline for m in milestones[order.id] if m.deadline]
            received = order.intake_received_date or order.create_date
            if not order.intake_first_response_date and received:
                dates.append(fields.Datetime.to_string(
                    fields.Datetime.from_string(received) + timedelta(hours=target)))
            if (order.eco_ack_state not in (False, "none", "done")
                    and not order.eco_ack_date and order.eco_ack_deadline):
                dates.append(order.eco_ack_deadline)
            dates = [d for d in dates if d > now]
            res[order.id] = min(dates) if dates else False
        return res

    @api.model
    def _eco_compliance_insert(self, results, now):
        """Insert new lines {(order_id, clause_id): (result, note)} in one
        query (lines have no create logic; the cache is invalidated). A line
        written meanwhile by a concurrent check is updated instead."""
        keys = sorted(results)
        self.env.cr.execute("""
            INSERT INTO eco_compliance_line (
                order_id, clause_id, result, note_data, computed_date,
                create_uid, create_date, write_uid, write_date)
            SELECT o, c, r, n, %s, %s, %s, %s, %s
            FROM unnest(%s::int[], %s::int[], %s::varchar[], %s::text[])
                AS t(o, c, r, n)
            ON CONFLICT (order_id, clause_id) DO UPDATE SET
                result = EXCLUDED.result, note_data = EXCLUDED.note_data,
                computed_date = EXCLUDED.computed_date,
                write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
        """, (now, self.env.uid, now, self.env.uid, now,
              [k[0] for k in keys], [k[1] for k in keys],
              [results[k][0] for k in keys], [results[k][1] for k in keys]))
        self.env["eco.compliance.line"].invalidate_cache()
        self.invalidate_cache(["eco_compliance_line_ids"], self.ids)

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    @api.model
    def _eco_param_hours(self, key, default):
        value = self.env["ir.config_parameter"].sudo().get_param(key, default)
        try:
            return float(value)
        except (TypeError, ValueError):
            return float(default)

    @api.model
    def _eco_hours(self, start, end):
        start = fields.Datetime.from_string(start)
        end = fields.Datetime.from_string(end) if end else datetime.utcnow()
        return (end - start).total_seconds() / 3600.0

    @api.multi
    def _eco_records_by_order(self, model_name, domain=None):
        """{order_id: records of ``model_name``} for these orders (one search)."""
        records = self.env[model_name].sudo().search(
            [("order_id", "in", self.ids)] + (domain or []))
        ids = defaultdict(list)
        for record in records:
            ids[record.order_id.id].append(record.id)
        # browse from ``records``: one prefetch for the whole batch (a field
        # read on one order's records reads it for every order's)
        return {order.id: records.browse(ids[order.id], prefetch=records._prefetch)
                for order in self}

    # ------------------------------------------------------------------
    # clauses of R2 (intake)
    # ------------------------------------------------------------------
    @api.multi
    def _eco_compliance_intake_channel(self):
        """R2.1: the channel and the receiving employee are recorded."""
        res = {}
        for order in self:
            missing = []
            if not order.intake_channel:
                missing.append({"tr": _("channel")})
            if not order.intake_received_by_id:
                missing.append({"tr": _("received by")})
            if missing:
                res[order.id] = ("missing", compliance_note(
                    _("Not recorded: %s"), {"join": missing}))
            else:
                res[order.id] = ("met", compliance_note(
                    _("%s, received by %s"),
                    {"sel": ["sale.order", "intake_channel", order.intake_channel]},
                    order.intake_received_by_id.name))
        return res

    @api.multi
    def _eco_compliance_intake_response(self):
        """R2.1: first response within the target (hours, parameter
        eco_order.response_target_hours, default 24)."""
        target = self._eco_param_hours("eco_order.response_target_hours", 24)
        res = {}
        for order in self:
            received = order.intake_received_date or order.create_date
            if order.intake_first_response_date:
                hours = self._eco_hours(received, order.intake_first_response_date)
                result = "met" if hours <= target else "late"
                res[order.id] = (result, compliance_note(_(
                    "First response after %.1f h (target %.0f h)"),
                    round(hours, 1), target))
            else:
                hours = self._eco_hours(received, None)
                if hours > target:
                    res[order.id] = ("missing", compliance_note(_(
                        "No response after %.1f h (target %.0f h)"),
                        round(hours, 1), target))
                else:
                    res[order.id] = ("na", compliance_note(
                        _("Awaiting the first response")))
        return res

    @api.multi
    def _eco_compliance_intake_review(self):
        """R2.2: a confirmed order passed its review before confirmation."""
        res = {}
        for order in self:
            if order.state not in ("sale", "done"):
                res[order.id] = ("na", compliance_note(_("Not confirmed")))
            elif order.intake_state != "accepted" or not order.intake_accepted_date:
                res[order.id] = ("missing", compliance_note(
                    _("Confirmed without an accepted review")))
            elif (order.confirmation_date
                  and order.intake_accepted_date > order.confirmation_date):
                res[order.id] = ("late", compliance_note(
                    _("Review accepted after the confirmation")))
            else:
                res[order.id] = ("met", compliance_note(
                    _("Review accepted before the confirmation")))
        return res

    @api.multi
    def _eco_compliance_needs_routed(self):
        """R2.3: the customer's recorded needs were fed to a department."""
        needs = self._eco_records_by_order(
            "eco.order.need", [("state", "!=", "cancelled")])
        res = {}
        for order in self:
            order_needs = needs[order.id]
            waiting = order_needs.filtered(lambda n: n.state == "new")
            if not order_needs:
                res[order.id] = ("na", compliance_note(_("No needs recorded")))
            elif waiting:
                res[order.id] = ("missing", compliance_note(
                    _("%d of %d needs not routed"), len(waiting), len(order_needs)))
            else:
                res[order.id] = ("met", compliance_note(
                    _("%d needs routed"), len(order_needs)))
        return res

    # ------------------------------------------------------------------
    # clauses of R3.2, R9.2, R10
    # ------------------------------------------------------------------
    @api.multi
    def _eco_compliance_ack_in_time(self):
        """R3.2: the project lead acknowledged the allocated order before its
        acknowledgement deadline (allocation time + parameter
        eco_order.ack_delay_hours, stored on the order at allocation)."""
        now = fields.Datetime.now()
        res = {}
        for order in self:
            deadline = order.eco_ack_deadline
            if order.eco_ack_state == "none" or not deadline:
                res[order.id] = ("na", compliance_note(_("Not allocated yet")))
                continue
            start = order.eco_allocation_date or deadline
            target = self._eco_hours(start, deadline)
            if order.eco_ack_date:
                hours = self._eco_hours(start, order.eco_ack_date)
                res[order.id] = (
                    "met" if order.eco_ack_date <= deadline else "late",
                    compliance_note(_("Acknowledged after %.1f h (target %.0f h)"),
                                    round(hours, 1), target))
            elif deadline < now:
                res[order.id] = ("missing", compliance_note(
                    _("Not acknowledged (target %.0f h)"), target))
            else:
                res[order.id] = ("na", compliance_note(_("Awaiting acknowledgement")))
        return res

    @api.multi
    def _eco_compliance_milestones_on_time(self):
        """R3.2: milestones done by their deadline, none overdue."""
        milestones = self._eco_records_by_order("eco.order.milestone")
        now = fields.Datetime.now()
        res = {}
        for order in self:
            order_milestones = milestones[order.id]
            due = order_milestones.filtered(
                lambda m: m.date_done or m.deadline < now)
            late = due.filtered(lambda m: m.done_late or not m.date_done)
            if not order_milestones:
                res[order.id] = ("na", compliance_note(_("No milestones")))
            elif not due:
                res[order.id] = ("na", compliance_note(_("No milestone due yet")))
            elif late:
                res[order.id] = ("late", compliance_note(
                    _("%d of %d milestones due were late"), len(late), len(due)))
            else:
                res[order.id] = ("met", compliance_note(
                    _("%d milestones on time"), len(due)))
        return res

    @api.multi
    def _eco_compliance_customer_informed(self):
        """R9.2: the customer was informed at each milestone that notifies."""
        milestones = self._eco_records_by_order(
            "eco.order.milestone",
            [("notify_customer", "=", True), ("state", "=", "done")])
        res = {}
        for order in self:
            reached = milestones[order.id]
            silent = reached.filtered(lambda m: not m.customer_notified_date)
            if not reached:
                res[order.id] = ("na", compliance_note(
                    _("No milestone to notify reached")))
            elif silent:
                res[order.id] = ("missing", compliance_note(
                    _("Customer not informed at %d of %d milestones"),
                    len(silent), len(reached)))
            else:
                res[order.id] = ("met", compliance_note(
                    _("Customer informed at %d milestones"), len(reached)))
        return res

    @api.multi
    def _eco_compliance_changes_consented(self):
        """R10.2: every applied (approved) change of the delivery date or
        method was consented by the other party: the customer for a change
        proposed by staff, staff for a change the customer proposed. A value
        differing from the last approved change of its kind was changed
        without an approved request."""
        requests = self._eco_records_by_order("eco.order.change.request")
        res = {}
        for order in self:
            order_requests = requests[order.id]
            if not order_requests:
                res[order.id] = ("na", compliance_note(_("No change requests")))
                continue
            customer = order.partner_id.commercial_partner_id
            approved = order_requests.filtered(
                lambda r: r.state == "approved").sorted(
                    lambda r: (r.decided_date or "", r.id))
            unconsented = approved.filtered(
                lambda r: (r.decided_partner_id.commercial_partner_id == customer)
                != (r.proposed_by == "staff"))
            # the agreed values are those of the last approved change of a kind
            last = {request.kind: request for request in approved}
            bypassed = [{"sel": ["eco.order.change.request", "kind", kind]}
                        for kind, field, value in (
                ("delivery_date", "eco_delivery_date", "new_date"),
                ("delivery_method", "eco_delivery_method", "new_method"))
                if kind in last and last[kind][value] != order[field]]
            if unconsented:
                res[order.id] = ("missing", compliance_note(
                    _("%d approved changes without the other party's consent"),
                    len(unconsented)))
            elif bypassed:
                res[order.id] = ("missing", compliance_note(
                    _("%s changed without an approved change request"),
                    {"join": bypassed}))
            elif not approved:
                res[order.id] = ("na", compliance_note(_("No approved change")))
            else:
                res[order.id] = ("met", compliance_note(
                    _("%d approved changes consented"), len(approved)))
        return res

    @api.multi
    def _eco_compliance_acceptance_signed(self):
        """R10.3: an order ready for delivery or done has a signed acceptance
        (signed on the portal or on paper)."""
        data = self.env["eco.acceptance"].sudo().read_group(
            [("order_id", "in", self.ids), ("state", "=", "signed")],
            ["order_id"], ["order_id"])
        signed = {d["order_id"][0] for d in data}
        res = {}
        for order in self:
            if order.id in signed:
                res[order.id] = ("met", compliance_note(_("Acceptance signed")))
            elif order.eco_delivery_ready or order.state == "done":
                res[order.id] = ("missing", compliance_note(
                    _("Ready for delivery without a signed acceptance")))
            else:
                res[order.id] = ("na", compliance_note(_("Acceptance not due yet")))
        return res
