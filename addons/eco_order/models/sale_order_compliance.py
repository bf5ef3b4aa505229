# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Regulation compliance checks of orders.

Each active ``eco.compliance.clause`` with key ``<key>`` is evaluated by
``sale.order._eco_compliance_<key>()``: called on a recordset of orders (one
batch), it returns ``{order_id: (result, note)}`` where result is ``met``,
``late``, ``missing`` or ``na``. Methods read their data batch-wise (the ORM
prefetches the batch), so a batch costs a bounded number of queries.
"""
import logging
from collections import defaultdict
from datetime import datetime

from odoo import _, api, fields, models
from odoo.tools import split_every

_logger = logging.getLogger(__name__)


class SaleOrder(models.Model):
    _inherit = "sale.order"

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

    @api.multi
    def _eco_records_by_order(self, model_name, domain=None):
        """{order_id: records of ``model_name``} for these orders (one search)."""
        model = self.env[model_name].sudo()
        grouped = {order.id: model.browse() for order in self}
        for record in model.search([("order_id", "in", self.ids)] + (domain or [])):
            grouped[record.order_id.id] |= record
        return grouped

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
        needs = self._eco_records_by_order(
            "eco.order.need", [("state", "!=", "cancelled")])
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
                res[order.id] = ("na", _("Not allocated yet"))
                continue
            start = order.eco_allocation_date or deadline
            target = self._eco_hours(start, deadline)
            if order.eco_ack_date:
                hours = self._eco_hours(start, order.eco_ack_date)
                res[order.id] = (
                    "met" if order.eco_ack_date <= deadline else "late",
                    _("Acknowledged after %.1f h (target %.0f h)") % (hours, target))
            elif deadline < now:
                res[order.id] = (
                    "missing", _("Not acknowledged (target %.0f h)") % target)
            else:
                res[order.id] = ("na", _("Awaiting acknowledgement"))
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
                res[order.id] = ("na", _("No milestones"))
            elif not due:
                res[order.id] = ("na", _("No milestone due yet"))
            elif late:
                res[order.id] = ("late", _("%d of %d milestones due were late") % (
                    len(late), len(due)))
            else:
                res[order.id] = ("met", _("%d milestones on time") % len(due))
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
        """R10.2: every applied (approved) change of the delivery date or
        method was consented by the other party: the customer for a change
        proposed by staff, staff for a change the customer proposed. A value
        differing from the last approved change of its kind was changed
        without an approved request."""
        requests = self._eco_records_by_order("eco.order.change.request")
        kinds = dict(self.env["eco.order.change.request"]._fields[
            "kind"]._description_selection(self.env))
        res = {}
        for order in self:
            order_requests = requests[order.id]
            if not order_requests:
                res[order.id] = ("na", _("No change requests"))
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
            bypassed = [kinds[kind] for kind, field, value in (
                ("delivery_date", "eco_delivery_date", "new_date"),
                ("delivery_method", "eco_delivery_method", "new_method"))
                if kind in last and last[kind][value] != order[field]]
            if unconsented:
                res[order.id] = ("missing", _(
                    "%d approved changes without the other party's consent") % len(
                        unconsented))
            elif bypassed:
                res[order.id] = ("missing", _(
                    "%s changed without an approved change request") % ", ".join(
                        bypassed))
            elif not approved:
                res[order.id] = ("na", _("No approved change"))
            else:
                res[order.id] = ("met", _("%d approved changes consented") % len(
                    approved))
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
                res[order.id] = ("met", _("Acceptance signed"))
            elif order.eco_delivery_ready or order.state == "done":
                res[order.id] = ("missing", _(
                    "Ready for delivery without a signed acceptance"))
            else:
                res[order.id] = ("na", _("Acceptance not due yet"))
        return res
