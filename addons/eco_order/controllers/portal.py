# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer portal intake of order requests (R2.1 "online platform", R2.2, R2.3).

``/my/order-request`` lets a logged-in customer submit a request; it becomes a draft
``sale.order`` with ``intake_channel = 'portal'`` of the customer's commercial partner.
Draft portal requests are listed under ``/my/orders`` beside the confirmed orders.
"""
import base64
import logging
import math
import re
from datetime import datetime

from odoo import _, fields, http
from odoo.addons.sale.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.tools import html_escape

_logger = logging.getLogger(__name__)

LINE_FIELD_RE = re.compile(r"^line_(product|description|specification|qty)_(\d{1,3})$")
DEFAULT_MAX_ATTACHMENT_MB = 10.0
MAX_LINES = 50
MIN_PHONE_DIGITS = 5
# channels whose drafts are not customer requests: staff quotations, shop carts
NO_REQUEST_CHANNELS = ("system", "website")


class EcoOrderCustomerPortal(CustomerPortal):

    # ------------------------------------------------------------------
    # /my/orders: confirmed orders plus the customer's draft portal requests
    # ------------------------------------------------------------------

    def _eco_portal_orders_domain(self, partner):
        """Orders shown under /my/orders: the confirmed orders and the requests
        (drafts of a reviewed intake channel: portal, phone, fax, email...) of the
        customer's commercial partner, whatever the channel and intake state."""
        return [
            ("partner_id", "child_of", [partner.commercial_partner_id.id]),
            "|",
            ("state", "in", ["sale", "done"]),
            "&",
            ("state", "=", "draft"),
            ("intake_channel", "not in", list(NO_REQUEST_CHANNELS)),
        ]

    def _eco_portal_orders(self):
        """sale.order as sudo: /my/orders searches with the domain above, which
        restricts to the user's commercial partner (the portal record rule only
        shows orders the customer follows)."""
        return request.env["sale.order"].sudo()

    def _order_check_access(self, order_id, access_token=None):
        try:
            return super(EcoOrderCustomerPortal, self)._order_check_access(
                order_id, access_token=access_token)
        except AccessError:
            user = request.env.user
            if user._is_public() or not self._eco_portal_orders().search_count(
                    [("id", "=", order_id)]
                    + self._eco_portal_orders_domain(user.partner_id)):
                raise
            return request.env["sale.order"].sudo().browse(order_id)

    def _prepare_portal_layout_values(self):
        values = super(EcoOrderCustomerPortal, self)._prepare_portal_layout_values()
        partner = request.env.user.partner_id
        values["order_count"] = self._eco_portal_orders().search_count(
            self._eco_portal_orders_domain(partner))
        return values

    @http.route(["/my/orders", "/my/orders/page/<int:page>"], type="http", auth="user",
                website=True)
    def portal_my_orders(self, page=1, date_begin=None, date_end=None, sortby=None,
                         **kw):
        values = self._prepare_portal_layout_values()
        partner = request.env.user.partner_id
        SaleOrder = self._eco_portal_orders()
        domain = self._eco_portal_orders_domain(partner)

        searchbar_sortings = {
            "date": {"label": _("Order Date"), "order": "date_order desc"},
            "name": {"label": _("Reference"), "order": "name"},
            "stage": {"label": _("Stage"), "order": "state"},
        }
        if sortby not in searchbar_sortings:
            sortby = "date"
        sort_order = searchbar_sortings[sortby]["order"]

        archive_groups = self._get_archive_groups("sale.order", domain)
        if date_begin and date_end:
            domain += [("create_date", ">", date_begin),
                       ("create_date", "<=", date_end)]

        order_count = SaleOrder.search_count(domain)
        pager = portal_pager(
            url="/my/orders",
            url_args={"date_begin": date_begin, "date_end": date_end, "sortby": sortby},
            total=order_count,
            page=page,
            step=self._items_per_page,
        )
        orders = SaleOrder.search(
            domain, order=sort_order, limit=self._items_per_page,
            offset=pager["offset"])
        request.session["my_orders_history"] = orders.ids[:100]

        values.update({
            "date": date_begin,
            "orders": orders.sudo(),
            "page_name": "order",
            "pager": pager,
            "archive_groups": archive_groups,
            "default_url": "/my/orders",
            "searchbar_sortings": searchbar_sortings,
            "sortby": sortby,
        })
        return request.render("sale.portal_my_orders", values)

    # ------------------------------------------------------------------
    # /my/orders/<id>: no unreviewed quotation reaches the customer
    # ------------------------------------------------------------------

    def _eco_portal_own_request(self, order_sudo):
        """A draft request of the logged-in customer's company (any reviewed
        channel): they see what they asked for (no prices) while it is reviewed."""
        user = request.env.user
        if user._is_public() or order_sudo.intake_channel in NO_REQUEST_CHANNELS \
                or order_sudo.state != "draft":
            return False
        return (user.partner_id.commercial_partner_id
                == order_sudo.partner_id.commercial_partner_id)

    def _eco_portal_order_refused(self, order_id, allow_own_request=True):
        """Whether the portal refuses to show the quotation (the same gate as
        sending it: sale.order._eco_send_block_reasons)."""
        order_sudo = request.env["sale.order"].sudo().browse(order_id).exists()
        if not order_sudo or order_sudo.state not in ("draft", "sent"):
            return False
        if not order_sudo._eco_send_block_reasons():
            return False
        return not (allow_own_request and self._eco_portal_own_request(order_sudo))

    @http.route()
    def portal_order_page(self, order=None, access_token=None, **kw):
        if self._eco_portal_order_refused(order):
            return request.redirect("/my")
        return super(EcoOrderCustomerPortal, self).portal_order_page(
            order=order, access_token=access_token, **kw)

    @http.route()
    def portal_order_report(self, order_id, access_token=None, **kw):
        if self._eco_portal_order_refused(order_id, allow_own_request=False):
            return request.redirect("/my")
        return super(EcoOrderCustomerPortal, self).portal_order_report(
            order_id, access_token=access_token, **kw)

    # ------------------------------------------------------------------
    # /my/order-request: the intake form
    # ------------------------------------------------------------------

    def _eco_request_products(self):
        """Products a customer may pick: saleable products of the customer's company,
        of its order request categories when it has some (read with sudo: portal
        users have no access to products; only names are shown)."""
        unspecified = request.env.ref(
            "eco_order.product_product_eco_unspecified", raise_if_not_found=False)
        company = request.env.user.company_id
        domain = company.sudo()._eco_request_product_domain()
        if unspecified:
            domain.append(("id", "!=", unspecified.id))
        lang = request.env.lang or request.env.user.lang
        return request.env["product.product"].sudo().with_context(
            lang=lang, display_default_code=False).search(domain, order="name, id")

    def _eco_request_standards(self):
        lang = request.env.lang or request.env.user.lang
        return request.env["eco.environmental.standard"].sudo().with_context(
            lang=lang).search([])

    def _eco_request_max_attachment_mb(self):
        param = request.env["ir.config_parameter"].sudo().get_param(
            "eco_order.intake_max_attachment_mb", default=DEFAULT_MAX_ATTACHMENT_MB)
        try:
            max_mb = float(param)
        except (TypeError, ValueError):
            max_mb = DEFAULT_MAX_ATTACHMENT_MB
        if not math.isfinite(max_mb) or max_mb <= 0:
            max_mb = DEFAULT_MAX_ATTACHMENT_MB
        return max_mb

    def _eco_request_default_form(self):
        partner = request.env.user.partner_id
        return {
            "intake_required_date": "",
            "intake_site_address": "",
            "intake_contact_name": partner.name or "",
            "intake_contact_phone": partner.phone or partner.mobile or "",
            "intake_standard_note": "",
            "intake_note": "",
            "standard_ids": [],
            "lines": [self._eco_request_empty_line(0)],
        }

    @staticmethod
    def _eco_request_empty_line(index):
        return {"index": index, "product": "", "description": "", "specification": "",
                "qty": "1"}

    def _eco_request_parse_form(self, post):
        """Read the submitted values (strings, as entered) into a form dict."""
        form = request.httprequest.form
        lines = {}
        for key in form.keys():
            match = LINE_FIELD_RE.match(key)
            if not match:
                continue
            index = int(match.group(2))
            line = lines.setdefault(index, self._eco_request_empty_line(index))
            line[match.group(1)] = (form.get(key) or "").strip()
        values = {
            "lines": [lines[index] for index in sorted(lines)],
            "standard_ids": [],
        }
        for name in ("intake_required_date", "intake_site_address",
                     "intake_contact_name", "intake_contact_phone",
                     "intake_standard_note", "intake_note"):
            values[name] = (post.get(name) or "").strip()
        for raw in form.getlist("standard_ids"):
            try:
                values["standard_ids"].append(int(raw))
            except (TypeError, ValueError):
                values["standard_ids"].append(raw)
        return values

    def _eco_request_validate(self, values, files):
        """Check the entered values.

        :return: (errors, error_fields, clean) where errors is a list of messages in the
            customer's language, error_fields a set of field names to highlight and
            clean the typed values for the order (only meaningful without errors).
        """
        errors = []
        error_fields = set()
        clean = {}

        def add_error(field_name, message):
            errors.append(message)
            error_fields.add(field_name)

        # lines
        products = self._eco_request_products()
        clean_lines = []
        filled = [line for line in values["lines"]
                  if line["product"] or line["description"] or line["specification"]]
        if not filled:
            add_error("lines", _("Please add at least one item: choose a product or "
                                 "describe what you need."))
        elif len(filled) > MAX_LINES:
            add_error("lines", _("A request can contain at most %s items.") % MAX_LINES)
        for number, line in enumerate(filled, start=1):
            index = line["index"]
            product = products.browse()
            if line["product"]:
                try:
                    product_id = int(line["product"])
                except ValueError:
                    product_id = 0
                product = products.filtered(lambda prod: prod.id == product_id)
                if not product:
                    add_error("line_product_%s" % index,
                              _("Item %s: the selected product is unknown.") % number)
            elif not line["description"]:
                add_error("line_description_%s" % index,
                          _("Item %s: choose a product or describe the item.") % number)
            qty = None
            try:
                qty = float(line["qty"].replace(",", "."))
            except ValueError:
                pass
            if qty is None or not math.isfinite(qty):
                add_error("line_qty_%s" % index,
                          _("Item %s: the quantity must be a number.") % number)
            elif qty <= 0:
                add_error("line_qty_%s" % index,
                          _("Item %s: the quantity must be greater than zero.")
                          % number)
            clean_lines.append({
                "product": product,
                "description": line["description"],
                "specification": line["specification"],
                "qty": qty,
            })
        clean["lines"] = clean_lines

        # required delivery date
        clean["intake_required_date"] = False
        if values["intake_required_date"]:
            try:
                required = datetime.strptime(
                    values["intake_required_date"], "%Y-%m-%d").date()
            except ValueError:
                required = None
                add_error("intake_required_date",
                          _("The required delivery date is not a valid date "
                            "(expected YYYY-MM-DD)."))
            if required is not None:
                today = fields.Date.from_string(
                    fields.Date.context_today(request.env.user))
                if required < today:
                    add_error("intake_required_date",
                              _("The required delivery date cannot be in the past."))
                else:
                    clean["intake_required_date"] = fields.Date.to_string(required)

        # contact
        if not values["intake_contact_name"]:
            add_error("intake_contact_name", _("Please enter a contact person."))
        phone = values["intake_contact_phone"]
        if not phone:
            add_error("intake_contact_phone", _("Please enter a contact phone number."))
        elif len(re.sub(r"\D", "", phone)) < MIN_PHONE_DIGITS:
            add_error("intake_contact_phone",
                      _("The contact phone number is not valid."))

        # environmental standards
        standards = self._eco_request_standards()
        selected = standards.browse()
        for standard_id in values["standard_ids"]:
            standard = standards.filtered(lambda std: std.id == standard_id)
            if not standard:
                add_error("standard_ids", _("An unknown environmental standard was "
                                            "selected."))
                break
            selected |= standard
        clean["standards"] = selected

        # attachments
        max_mb = self._eco_request_max_attachment_mb()
        clean_files = []
        max_bytes = int(max_mb * 1024 * 1024)
        for upload in files:
            # read one byte more than allowed: enough to know the file is too large
            content = upload.read(max_bytes + 1)
            if len(content) > max_bytes:
                add_error("attachments",
                          _("The file %s is too large (maximum %s MB per file).")
                          % (upload.filename, "%g" % max_mb))
                continue
            clean_files.append((upload.filename, content))
        if files and errors:
            errors.append(_("For your security the selected files are not kept: please "
                            "select them again."))
        clean["files"] = clean_files
        return errors, error_fields, clean

    def _eco_request_acting_partner(self):
        """The commercial partner the logged-in user submits for.

        Never taken from the form: it is the commercial entity of the session's user.
        Raises AccessError for the public user or a user without a partner.
        """
        user = request.env.user
        if user._is_public() or not user.partner_id:
            raise AccessError(_("You must be logged in to submit an order request."))
        commercial = user.partner_id.commercial_partner_id
        if not commercial or commercial == user.company_id.partner_id:
            # an employee of our own company is not a customer
            raise AccessError(_("Your account is not linked to a customer."))
        return commercial

    def _eco_request_prepare_order_values(self, commercial, clean, values):
        partner = request.env.user.partner_id
        SaleOrder = request.env["sale.order"].sudo().with_context(
            lang=commercial.lang or request.env.lang)
        # the company of the user who submits (the superuser's could differ)
        order_vals = {"partner_id": commercial.id,
                      "company_id": request.env.user.company_id.id}
        order = SaleOrder.new(order_vals)
        order.onchange_partner_id()
        order.onchange_partner_shipping_id()
        for name in ("pricelist_id", "payment_term_id", "partner_invoice_id",
                     "partner_shipping_id", "fiscal_position_id", "team_id", "note"):
            if name in order._fields and order[name]:
                field = order._fields[name]
                order_vals[name] = field.convert_to_write(order[name], order)
        order_vals.update({
            # the salesperson of the customer, never the superuser that creates it
            "user_id": commercial.user_id.id or partner.user_id.id or False,
            "intake_channel": "portal",
            "intake_required_date": clean["intake_required_date"],
            "intake_site_address": values["intake_site_address"] or False,
            "intake_contact_name": values["intake_contact_name"] or partner.name,
            "intake_contact_phone": (values["intake_contact_phone"] or partner.phone
                                     or partner.mobile or False),
            "intake_standard_ids": [(6, 0, clean["standards"].ids)],
            "intake_standard_note": values["intake_standard_note"] or False,
            "intake_note": values["intake_note"] or False,
            "order_line": [
                (0, 0, self._eco_request_prepare_line_values(commercial, line, order))
                for line in clean["lines"]],
        })
        if "intake_received_by_id" in SaleOrder._fields:
            order_vals["intake_received_by_id"] = False
        return order_vals

    def _eco_request_prepare_line_values(self, commercial, line, order):
        """Values of one order line; ``order`` is the order in memory (its
        partner, pricelist and fiscal position), which prices the line."""
        product = line["product"]
        if product:
            product = product.with_context(lang=commercial.lang)
            name = product.name_get()[0][1]
            if product.description_sale:
                name += "\n" + product.description_sale
            if line["description"]:
                name += "\n" + line["description"]
        else:
            product = request.env.ref(
                "eco_order.product_product_eco_unspecified").sudo()
            name = line["description"]
        line_vals = {
            "product_id": product.id,
            "product_uom": product.uom_id.id,
            "name": name,
            "product_uom_qty": line["qty"],
            "eco_specification": line["specification"] or False,
        }
        line_vals.update(self._eco_request_price_line(order, line_vals))
        return line_vals

    @staticmethod
    def _eco_request_price_line(order, line_vals):
        """Taxes and unit price as the sales onchanges set them, computed in
        memory so that the order is created priced in one go."""
        new_line = order.order_line.new(dict(line_vals, order_id=order))
        new_line._compute_tax_id()
        new_line.product_uom_change()
        return {
            "tax_id": [(6, 0, new_line.tax_id.ids)],
            "price_unit": new_line.price_unit,
        }

    def _eco_request_create_order(self, clean, values):
        """Create the draft order; called only after validation."""
        commercial = self._eco_request_acting_partner()
        partner = request.env.user.partner_id
        order_vals = self._eco_request_prepare_order_values(commercial, clean, values)
        order = request.env["sale.order"].sudo().with_context(
            mail_create_nosubscribe=True, lang=commercial.lang or request.env.lang,
        ).create(order_vals)
        order.message_subscribe(partner_ids=partner.ids)

        attachments = request.env["ir.attachment"]
        for filename, content in clean["files"]:
            attachments |= request.env["ir.attachment"].sudo().create({
                "name": filename,
                "datas_fname": filename,
                "datas": base64.b64encode(content),
                "res_model": "sale.order",
                "res_id": order.id,
            })
        order.with_context(mail_create_nosubscribe=True).message_post(
            body=_("Order request submitted from the customer portal by %s.")
            % html_escape(partner.name or ""),
            author_id=partner.id,
            message_type="comment",
            subtype="mail.mt_comment",
            attachment_ids=attachments.ids,
        )
        if hasattr(order, "_eco_notify_intake_channel"):
            order._eco_notify_intake_channel()
        return order

    def _eco_request_render(self, values, errors=None, error_fields=None):
        try:
            layout = self._prepare_portal_layout_values()
        except AccessError:
            # an internal user without sales/invoicing rights: Odoo's document
            # counters fail, the form needs none of them
            layout = {"sales_user": False, "archive_groups": []}
        layout.update({
            "page_name": "eco_order_request",
            "form": values,
            "errors": errors or [],
            "error_fields": error_fields or set(),
            "products": self._eco_request_products(),
            "standards": self._eco_request_standards(),
            "max_attachment_mb": "%g" % self._eco_request_max_attachment_mb(),
            "today": fields.Date.context_today(request.env.user),
        })
        return request.render("eco_order.portal_order_request", layout)

    @http.route(["/my/order-request"], type="http", auth="user",
                methods=["GET", "POST"], website=True)
    def portal_order_request(self, **post):
        # make sure the user acts for a customer before showing or accepting anything
        try:
            self._eco_request_acting_partner()
        except AccessError:
            return request.redirect("/my")
        if request.httprequest.method != "POST":
            return self._eco_request_render(self._eco_request_default_form())

        values = self._eco_request_parse_form(post)
        files = [upload for upload in request.httprequest.files.getlist("attachments")
                 if upload and upload.filename]
        errors, error_fields, clean = self._eco_request_validate(values, files)
        if errors:
            if not values["lines"]:
                values["lines"] = [self._eco_request_empty_line(0)]
            return self._eco_request_render(values, errors, error_fields)

        order = self._eco_request_create_order(clean, values)
        _logger.info("Portal order request %s created by user %s",
                     order.name, request.env.user.login)
        url = "/my/orders/%s?success=eco_request" % order.id
        try:
            order.sudo(request.env.user).check_access_rule("read")
            order.sudo(request.env.user).check_access_rights("read")
        except AccessError:
            url += "&access_token=%s" % order.access_token
        return request.redirect(url)
