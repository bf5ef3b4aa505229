# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html_escape

OPEN_STATES = ("new", "routed", "in_progress")


class EcoOrderNeed(models.Model):
    """A latent environmental need of a customer discovered while handling an order (R2.3).

    The need is routed to a department: every member of the department who has a
    user gets an activity, the department manager is notified, and the department
    records how the need was acted on.
    """

    _name = "eco.order.need"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Customer Environmental Need"
    _order = "id desc"

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: _("New"),
    )
    kind = fields.Selection(
        selection=[
            ("standard", "Special Environmental Standard"),
            ("cooperation", "Future Cooperation"),
            ("other", "Other"),
        ],
        required=True,
        default="standard",
        track_visibility="onchange",
    )
    description = fields.Text(required=True)
    standard_ids = fields.Many2many(
        comodel_name="eco.environmental.standard",
        string="Standards",
        help="Environmental standards the customer has to meet.",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="restrict",
        track_visibility="onchange",
    )
    order_id = fields.Many2one(
        comodel_name="sale.order",
        string="Order",
        index=True,
        ondelete="set null",
        track_visibility="onchange",
    )
    department_id = fields.Many2one(
        comodel_name="hr.department",
        string="Department",
        required=True,
        index=True,
        ondelete="restrict",
        track_visibility="onchange",
        help="Department concerned: its members are notified and act on the need.",
    )
    state = fields.Selection(
        selection=[
            ("new", "New"),
            ("routed", "Routed"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        readonly=True,
        default="new",
        copy=False,
        index=True,
        track_visibility="onchange",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Recorded by",
        default=lambda self: self.env.uid,
        track_visibility="onchange",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env["res.company"]._company_default_get(
            "eco.order.need"),
    )
    date_done = fields.Datetime(string="Done on", readonly=True, copy=False)
    result = fields.Text(
        copy=False,
        track_visibility="onchange",
        help="How the department acted on the need.",
    )
    is_my_department = fields.Boolean(
        string="My Department",
        compute="_compute_is_my_department",
        search="_search_is_my_department",
        help="The need is routed to a department the current user belongs to or "
             "manages.",
    )

    @api.depends("department_id")
    def _compute_is_my_department(self):
        departments = self._user_department_ids()
        for need in self:
            need.is_my_department = need.department_id.id in departments

    @api.model
    def _user_department_ids(self):
        """Departments the current user is a member (employee) or the manager of."""
        employees = self.env["hr.employee"].sudo().search(
            [("user_id", "=", self.env.uid)])
        departments = self.env["hr.department"].sudo().search(
            ["|", ("member_ids", "in", employees.ids),
             ("manager_id", "in", employees.ids)])
        return set(departments.ids)

    @api.model
    def _search_is_my_department(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Operation not supported."))
        positive = (operator == "=") == value
        return [("department_id", "in" if positive else "not in",
                 list(self._user_department_ids()))]

    @api.constrains("state", "result")
    def _check_result(self):
        for need in self:
            if need.state == "done" and not (need.result or "").strip():
                raise ValidationError(
                    _("Need %s is done: record how it was acted on (Result).")
                    % need.name)

    @api.onchange("order_id")
    def _onchange_order_id(self):
        if self.order_id:
            self.partner_id = self.order_id.partner_id
            self.company_id = self.order_id.company_id

    @api.model
    def create(self, vals):
        vals = dict(vals)
        order_id = vals.get("order_id") or self.env.context.get("default_order_id")
        if order_id:
            order = self.env["sale.order"].browse(order_id)
            vals.setdefault("partner_id", order.partner_id.id)
            vals.setdefault("company_id", order.company_id.id)
        if not vals.get("name") or vals["name"] == _("New"):
            vals["name"] = self.env["ir.sequence"].next_by_code("eco.order.need") or "/"
        need = super(EcoOrderNeed, self).create(vals)
        if not self.env.context.get("eco_need_no_route"):
            need._route()
        return need

    @api.multi
    def write(self, vals):
        rerouted = self.browse()
        if vals.get("department_id"):
            rerouted = self.filtered(
                lambda n: n.state in ("routed", "in_progress")
                and n.department_id.id != vals["department_id"])
        res = super(EcoOrderNeed, self).write(vals)
        if rerouted:
            rerouted._unlink_need_activities()
            rerouted._route()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def _check_state(self, allowed, action):
        refused = self.filtered(lambda n: n.state not in allowed)
        if refused:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                _("%(action)s is not possible for need %(need)s in state %(state)s.")
                % {"action": action, "need": refused[0].name,
                   "state": states[refused[0].state]})

    @api.multi
    def action_route(self):
        self._check_state(("new",), _("Routing"))
        self._route()
        return True

    @api.multi
    def action_start(self):
        self._check_state(("new", "routed"), _("Starting"))
        self.write({"state": "in_progress"})
        return True

    @api.multi
    def action_done(self):
        self._check_state(("routed", "in_progress"), _("Closing"))
        missing = self.filtered(lambda n: not (n.result or "").strip())
        if missing:
            raise UserError(
                _("Record how need %s was acted on (Result) before closing it.")
                % missing[0].name)
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        self._unlink_need_activities()
        return True

    @api.multi
    def action_cancel(self):
        self._check_state(OPEN_STATES, _("Cancelling"))
        self.write({"state": "cancelled"})
        self._unlink_need_activities()
        return True

    @api.multi
    def action_reopen(self):
        self._check_state(("cancelled",), _("Reopening"))
        self.write({"state": "new", "date_done": False})
        self._route()
        return True

    # ------------------------------------------------------------------
    # Routing
    # ------------------------------------------------------------------
    @api.multi
    def _get_route_users(self):
        """Internal users of the department: members' users and the manager's user."""
        self.ensure_one()
        return self.department_id._eco_internal_users()

    @api.multi
    def _route(self):
        """Give each department user an activity, notify the manager, state routed."""
        activity_type = self.env.ref("eco_order.mail_activity_type_eco_need")
        model_id = self.env["ir.model"]._get(self._name).id
        deadline = fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self))
            + timedelta(days=activity_type.days or 0))
        activity_model = self.env["mail.activity"]
        for need in self:
            for user in need._get_route_users():
                activity_model.create({
                    "res_model_id": model_id,
                    "res_id": need.id,
                    "activity_type_id": activity_type.id,
                    "summary": _("Customer need %s: %s") % (
                        need.name, need.partner_id.display_name),
                    "note": "<p>%s</p>" % html_escape(need.description),
                    "user_id": user.id,
                    "date_deadline": deadline,
                })
            need.state = "routed"
            need._notify_department_manager()
        return True

    @api.multi
    def _notify_department_manager(self):
        self.ensure_one()
        manager_partner = self.department_id.sudo().manager_id.user_id.partner_id
        body = _("Customer need routed to department %s.") % html_escape(
            self.department_id.display_name)
        self.message_post(
            body=body,
            subject=_("Customer need %s") % self.name,
            message_type="comment",
            subtype="mail.mt_comment" if manager_partner else "mail.mt_note",
            partner_ids=manager_partner.ids,
        )

    @api.multi
    def _unlink_need_activities(self):
        activity_type = self.env.ref("eco_order.mail_activity_type_eco_need")
        self.mapped("activity_ids").filtered(
            lambda a: a.activity_type_id == activity_type).unlink()
