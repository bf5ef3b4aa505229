# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Regulation compliance checks of orders.

Each active ``eco.compliance.clause`` with key ``<key>`` is evaluated by
``sale.order._eco_compliance_<key>()``: called on a recordset of orders (one
batch), it returns ``{order_id: (result, note)}`` where result is ``met``,
``late``, ``missing`` or ``na``. Methods read their data batch-wise (the ORM
prefetches the batch), so a batch costs a bounded number of queries.
Clauses whose models or fields come from other parts of the suite (issue 3:
milestones, change requests, acceptance) answer ``na`` while those are absent.
"""
import logging
from collections import defaultdict
from datetime import datetime

from odoo import _, api, fields, models
from odoo.tools import split_every

_logger = logging.getLogger(__name__)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # candidates for "the order was allocated at" (R3.2 acknowledgement clock)
    _eco_ack_start_fields = (
        "eco_assigned_date", "eco_assign_date", "eco_allocation_date",
        "intake_accepted_date")
    # fields of eco.order.change.request that record the customer's consent
    _eco_change_consent_fields = (
        "customer_consent_date", "consent_date", "customer_consent",
        "customer_approved", "customer_approval_date")
    _eco_acceptance_signed_states = ("signed", "accepted", "passed", "done")
    _eco_closed_states = ("cancel", "cancelled")

    eco_compliance_line_ids = fields.One2many(
        comodel_name="eco.compliance.line", inverse_name="order_id",
        string="Compliance", readonly=True, copy=False,
        groups="eco_order.group_eco_order_user")
    eco_compliance_issue_count = fields.Integer(
        string="Compliance Issues", compute="_compute_eco_compliance_issue_count",
        groups="eco_order.group_eco_order_user")

    @api.multi
    def _compute_eco_compliance_issue_count(self):
        data = self.env["eco.compliance.line"].read_group(
            [("order_id", "in", self.ids), ("result", "in", ("late", "missing"))],
            ["order_id"], ["order_id"])
        counts = {d["order_id"][0]: d["order_id_count"] for d in data}
        for order in self:
            order.eco_compliance_issue_count = counts.get(order.id, 0)

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
    def _cron_eco_compliance(self, batch_size=200):
        """Scheduled action: re-evaluate every order that is not cancelled,
        in batches, and drop the lines of cancelled orders."""
        orders = self.sudo().with_context(active_test=False)
        self.env.cr.execute(
            "DELETE FROM eco_compliance_line l USING sale_order so "
            "WHERE so.id = l.order_id AND so.state = 'cancel'")
        order_ids = orders.search([("state", "!=", "cancel")], order="id").ids
        for ids in split_every(batch_size, order_ids):
            orders.browse(ids)._eco_compliance_compute()
            self.invalidate_cache()
        return True

    # ------------------------------------------------------------------
    # evaluation
    # ------------------------------------------------------------------
    @api.model
    def _eco_compliance_clauses(self):
        return self.env["eco.compliance.clause"].sudo().search(
            [("model", "=", self._name)])

    @api.multi
    def _eco_compliance_evaluate(self):
        """{(order_id, clause_id): (result, note)} for these orders and every
        active clause that has an evaluation method."""
        orders = self.filtered(lambda o: o.state != "cancel")
        results = {}
        if not orders:
            return results
        for clause in self._eco_compliance_clauses():
            method = getattr(orders, "_eco_compliance_%s" % clause.key, None)
            if method is None:
                _logger.warning("No method evaluates compliance clause %s (%s)",
                                clause.code, clause.key)
                continue
            values = method()
            for order in orders:
                result, note = values.get(order.id, ("na", ""))
                results[(order.id, clause.id)] = (result, note or "")
        return results

    @api.multi
    def _eco_compliance_compute(self):
        """(Re)write the compliance lines of these orders (one batch). Call
        as superuser after checking the caller may read the orders.

        Bounded queries per batch: one search of the existing lines, one
        UPDATE per distinct (result, note) that changed, one UPDATE of the
        check date of the unchanged lines, one DELETE and one INSERT.
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
            if line.result == result and (line.note or "") == note:
                unchanged |= line
            else:
                changed[(result, note)].append(line.id)
        for (result, note), line_ids in changed.items():
            Line.browse(line_ids).write(
                {"result": result, "note": note, "computed_date": now})
        unchanged.write({"computed_date": now})
        obsolete.unlink()
        if results:
            self._eco_compliance_insert(results, now)
        return True

    @api.model
    def _eco_compliance_insert(self, results, now):
        """Insert new lines {(order_id, clause_id): (result, note)} in one
        query (lines have no create logic; the cache is invalidated). A line
        written meanwhile by a concurrent check is updated instead."""
        keys = sorted(results)
        self.env.cr.execute("""
            INSERT INTO eco_compliance_line (
                order_id, clause_id, result, note, computed_date,
                create_uid, create_date, write_uid, write_date)
            SELECT o, c, r, n, %s, %s, %s, %s, %s
            FROM unnest(%s::int[], %s::int[], %s::varchar[], %s::varchar[])
                AS t(o, c, r, n)
            ON CONFLICT (order_id, clause_id) DO UPDATE SET
                result = EXCLUDED.result, note = EXCLUDED.note,
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

    @api.model
    def _eco_model_with_fields(self, model_name, field_names):
        """The model ``model_name`` if installed with all ``field_names``
        stored, else None (clauses of parts not yet installed answer na)."""
        if model_name not in self.env:
            return None
        model = self.env[model_name].sudo()
        for name in field_names:
            if name not in model._fields or not model._fields[name].store:
                return None
        return model

    @api.multi
    def _eco_related_records(self, model_name, field_names):
        """{order_id: records of ``model_name``} for these orders (one
        search), or None if the model or a field is missing."""
        model = self._eco_model_with_fields(model_name, ("order_id",) + field_names)
        if model is None:
            return None
        records = model.with_context(active_test=False).search(
            [("order_id", "in", self.ids)])
        if "state" in field_names:
            records = records.filtered(
                lambda r: r.state not in self._eco_closed_states)
        grouped = {order.id: model.browse() for order in self}
        for record in records:
            grouped[record.order_id.id] |= record
        return grouped

    @api.model
    def _eco_day(self, value):
        """Day (YYYY-MM-DD) of a date or datetime string."""
        return value[:10] if value else value

    @api.multi
    def _eco_na(self, note):
        return {order.id: ("na", note) for order in self}

    # ------------------------------------------------------------------
    # clauses of R2 (intake)
    # ------------------------------------------------------------------
    @api.multi
    def _eco_compliance_intake_channel(self):
        """R2.1: the channel and the receiving employee are recorded."""
        res = {}
        channels = dict(self._fields["intake_channel"]._description_selection(self.env))
        for order in self:
            missing = []
            if not order.intake_channel:
                missing.append(_("channel"))
            if not order.intake_received_by_id:
                missing.append(_("received by"))
            if missing:
                res[order.id] = ("missing", _("Not recorded: %s") % ", ".join(missing))
            else:
                res[order.id] = ("met", _("%s, received by %s") % (
                    channels.get(order.intake_channel, order.intake_channel),
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
                res[order.id] = (result, _(
                    "First response after %.1f h (target %.0f h)") % (hours, target))
            else:
                hours = self._eco_hours(received, None)
                if hours > target:
                    res[order.id] = ("missing", _(
                        "No response after %.1f h (target %.0f h)") % (hours, target))
                else:
                    res[order.id] = ("na", _("Awaiting the first response"))
        return res

    @api.multi
    def _eco_compliance_intake_review(self):
        """R2.2: a confirmed order passed its review before confirmation."""
        res = {}
        for order in self:
            if order.state not in ("sale", "done"):
                res[order.id] = ("na", _("Not confirmed"))
            elif order.intake_state != "accepted" or not order.intake_accepted_date:
                res[order.id] = ("missing", _("Confirmed without an accepted review"))
            elif (order.confirmation_date
                  and order.intake_accepted_date > order.confirmation_date):
                res[order.id] = ("late", _("Review accepted after the confirmation"))
            else:
                res[order.id] = ("met", _("Review accepted before the confirmation"))
        return res

    @api.multi
    def _eco_compliance_needs_routed(self):
        """R2.3: the customer's recorded needs were fed to a department."""
        needs = self._eco_related_records("eco.order.need", ("state",))
        if needs is None:
            return self._eco_na(_("Needs are not recorded in this database"))
        res = {}
        for order in self:
            order_needs = needs[order.id]
            waiting = order_needs.filtered(lambda n: n.state == "new")
            if not order_needs:
                res[order.id] = ("na", _("No needs recorded"))
            elif waiting:
                res[order.id] = ("missing", _("%d of %d needs not routed") % (
                    len(waiting), len(order_needs)))
            else:
                res[order.id] = ("met", _("%d needs routed") % len(order_needs))
        return res

    # ------------------------------------------------------------------
    # clauses of R3.2, R9.2, R10 (answer na until their models exist)
    # ------------------------------------------------------------------
    @api.multi
    def _eco_compliance_ack_in_time(self):
        """R3.2: the assignee acknowledged the order within the target
        (hours, parameter eco_order.ack_target_hours, default 24)."""
        if "eco_ack_date" not in self._fields:
            return self._eco_na(_("Acknowledgement is not recorded in this database"))
        start_field = next(
            (name for name in self._eco_ack_start_fields if name in self._fields), None)
        target = self._eco_param_hours("eco_order.ack_target_hours", 24)
        res = {}
        for order in self:
            start = order[start_field] if start_field else False
            if not start:
                res[order.id] = ("na", _("Not allocated yet"))
            elif order.eco_ack_date:
                hours = self._eco_hours(start, order.eco_ack_date)
                res[order.id] = ("met" if hours <= target else "late", _(
                    "Acknowledged after %.1f h (target %.0f h)") % (hours, target))
            elif self._eco_hours(start, None) > target:
                res[order.id] = (
                    "missing", _("Not acknowledged (target %.0f h)") % target)
            else:
                res[order.id] = ("na", _("Awaiting acknowledgement"))
        return res

    @api.multi
    def _eco_compliance_milestones_on_time(self):
        """R3.2: milestones done by their deadline, none overdue."""
        milestones = self._eco_related_records(
            "eco.order.milestone", ("deadline", "date_done", "state"))
        if milestones is None:
            return self._eco_na(_("Milestones are not recorded in this database"))
        today = fields.Date.context_today(self)
        res = {}
        for order in self:
            due = late = 0
            for milestone in milestones[order.id]:
                deadline = self._eco_day(milestone.deadline)
                done = self._eco_day(milestone.date_done)
                if not deadline:
                    continue
                if done:
                    due += 1
                    late += done > deadline
                elif deadline < today:
                    due += 1
                    late += 1
            if not due:
                res[order.id] = ("na", _("No milestone due yet"))
            elif late:
                res[order.id] = ("late", _("%d of %d milestones due were late") % (
                    late, due))
            else:
                res[order.id] = ("met", _("%d milestones on time") % due)
        return res

    @api.multi
    def _eco_compliance_customer_informed(self):
        """R9.2: the customer was informed at each milestone that notifies."""
        milestones = self._eco_related_records(
            "eco.order.milestone",
            ("date_done", "notify_customer", "customer_notified_date"))
        if milestones is None:
            return self._eco_na(_("Milestones are not recorded in this database"))
        res = {}
        for order in self:
            reached = milestones[order.id].filtered(
                lambda m: m.notify_customer and m.date_done)
            silent = reached.filtered(lambda m: not m.customer_notified_date)
            if not reached:
                res[order.id] = ("na", _("No milestone to notify reached"))
            elif silent:
                res[order.id] = ("missing", _(
                    "Customer not informed at %d of %d milestones") % (
                        len(silent), len(reached)))
            else:
                res[order.id] = ("met", _("Customer informed at %d milestones") % len(
                    reached))
        return res

    @api.multi
    def _eco_compliance_changes_consented(self):
        """R10.2: no change approved without the customer's consent."""
        requests = self._eco_related_records("eco.order.change.request", ("state",))
        if requests is None:
            return self._eco_na(_("Change requests are not recorded in this database"))
        model = self.env["eco.order.change.request"]
        consent_field = next((name for name in self._eco_change_consent_fields
                              if name in model._fields), None)
        res = {}
        for order in self:
            approved = requests[order.id].filtered(lambda r: r.state == "approved")
            unconsented = approved.filtered(
                lambda r: consent_field and not r[consent_field])
            if not approved:
                res[order.id] = ("na", _("No approved change"))
            elif unconsented:
                res[order.id] = ("missing", _("%d approved changes without the "
                                              "customer's consent") % len(unconsented))
            else:
                res[order.id] = ("met", _("%d approved changes consented") % len(
                    approved))
        return res

    @api.multi
    def _eco_compliance_acceptance_signed(self):
        """R10.3: a completed order has a signed acceptance."""
        acceptances = self._eco_related_records("eco.acceptance", ("state",))
        if acceptances is None:
            return self._eco_na(_("Acceptance is not recorded in this database"))
        res = {}
        for order in self:
            signed = acceptances[order.id].filtered(
                lambda a: a.state in self._eco_acceptance_signed_states)
            if signed:
                res[order.id] = ("met", _("Acceptance signed"))
            elif order.state == "done":
                res[order.id] = ("missing", _("Order completed without a signed "
                                              "acceptance"))
            else:
                res[order.id] = ("na", _("Acceptance not due yet"))
        return res
