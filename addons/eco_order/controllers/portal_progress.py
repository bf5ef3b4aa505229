# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer portal: order progress, questions, change requests and acceptance sign-off
(R7.1, R9.2, R10.2, R10.3).

Every route checks access as the logged-in user first (read access to the order, like
sale's ``_order_check_access``) and falls back to sudo only when an access token matches
(``consteq``). Records of another customer are answered with 404, never with content.
"""
import base64
import binascii

from werkzeug.exceptions import NotFound
from werkzeug.urls import url_encode

from odoo import _, fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.sale.controllers.portal import CustomerPortal


class EcoProgressPortal(CustomerPortal):

    # ------------------------------------------------------------------ access
    def _eco_order_access(self, order_id, access_token=None):
        """The order as sudo if the user may read it or the order token matches."""
        order = request.env['sale.order'].sudo().browse(order_id).exists()
        if not order:
            raise AccessError(_('This order does not exist.'))
        return self._order_check_access(order.id, access_token=access_token)

    def _eco_child_access(self, model, record_id, access_token=None):
        """A change request / acceptance as sudo: the user may read its order, or the
        token is the record's (or its order's) access token."""
        record = request.env[model].sudo().browse(record_id).exists()
        if not record:
            raise AccessError(_('This document does not exist.'))
        try:
            self._order_check_access(record.order_id.id)
        except AccessError:
            if not access_token:
                raise
            if not (consteq(record.access_token or '', access_token)
                    or consteq(record.order_id.access_token or '', access_token)):
                raise
        return record

    def _eco_acting_partner(self, record):
        """Contact acting: the logged-in user's, or the customer for a token link."""
        user = request.env.user
        if user._is_public():
            return record.partner_id
        return user.partner_id

    @staticmethod
    def _eco_login_redirect(access_token):
        """An anonymous visitor without a token link is sent to the login page."""
        if request.env.user._is_public() and not access_token:
            return request.redirect('/web/login?%s' % url_encode(
                {'redirect': request.httprequest.full_path}))
        return None

    def _eco_page_values(self, access_token):
        """Layout values; a visitor with a token link gets the page without the "My
        account" parts (which would need a login)."""
        if request.env.user._is_public():
            return {'no_breadcrumbs': True, 'access_token': access_token}
        values = self._prepare_portal_layout_values()
        values['access_token'] = access_token
        return values

    @staticmethod
    def _eco_redirect(url, access_token=None, **params):
        if access_token:
            params['access_token'] = access_token
        return request.redirect('%s?%s' % (url, url_encode(params)) if params else url)

    # ------------------------------------------------------------------ questions
    @http.route(['/my/orders/<int:order_id>/question'], type='http', auth='public',
                methods=['POST'], website=True)
    def eco_portal_order_question(self, order_id, message='', kind='question',
                                  access_token=None, **kw):
        try:
            order = self._eco_order_access(order_id, access_token=access_token)
        except AccessError:
            raise NotFound()
        message = (message or '').strip()
        url = '/my/orders/%s' % order.id
        if not message:
            return self._eco_redirect(url, access_token, eco_error='question_empty')
        partner = self._eco_acting_partner(order)
        order._eco_customer_question(message, partner, kind=kind)
        return self._eco_redirect(url, access_token, eco_success='question')

    # ------------------------------------------------------------------ change requests
    @http.route(['/my/orders/<int:order_id>/change-request'], type='http',
                auth='public', methods=['POST'], website=True)
    def eco_portal_propose_change(self, order_id, kind='delivery_date', new_date=None,
                                  new_method=None, reason='', access_token=None, **kw):
        try:
            order = self._eco_order_access(order_id, access_token=access_token)
        except AccessError:
            raise NotFound()
        url = '/my/orders/%s' % order.id
        reason = (reason or '').strip()
        if kind not in ('delivery_date', 'delivery_method') or not reason:
            return self._eco_redirect(url, access_token, eco_error='change_invalid')
        if kind == 'delivery_date':
            try:
                new_date = fields.Date.to_string(fields.Date.from_string(new_date))
            except (TypeError, ValueError):
                return self._eco_redirect(url, access_token, eco_error='change_invalid')
            new_method = False
            if new_date < order._eco_change_min_date():
                return self._eco_redirect(
                    url, access_token, eco_error='change_date_past')
        else:
            methods = dict(request.env['sale.order']._fields[
                'eco_delivery_method'].selection)
            if new_method not in methods:
                return self._eco_redirect(url, access_token, eco_error='change_invalid')
            new_date = False
        try:
            request.env['eco.order.change.request'].sudo()._eco_portal_propose(
                order, self._eco_acting_partner(order), request.env.user, kind, reason,
                new_date=new_date, new_method=new_method)
        except (UserError, ValidationError):
            return self._eco_redirect(url, access_token, eco_error='change_invalid')
        return self._eco_redirect(url, access_token, eco_success='change_proposed')

    @http.route(['/my/change-requests/<int:request_id>'], type='http', auth='public',
                website=True)
    def eco_portal_change_request(self, request_id, access_token=None, **kw):
        login = self._eco_login_redirect(access_token)
        if login:
            return login
        try:
            change = self._eco_child_access(
                'eco.order.change.request', request_id, access_token=access_token)
        except AccessError:
            raise NotFound()
        values = self._eco_page_values(access_token)
        values.update({
            'change': change,
            'order': change.order_id,
            'page_name': 'eco_change_request',
            'eco_success': kw.get('eco_success'),
            'eco_error': kw.get('eco_error'),
        })
        return request.render('eco_order.portal_eco_change_request_page', values)

    @http.route(['/my/change-requests/<int:request_id>/decide'], type='http',
                auth='public', methods=['POST'], website=True)
    def eco_portal_change_request_decide(self, request_id, decision=None,
                                         access_token=None, note='', **kw):
        try:
            change = self._eco_child_access(
                'eco.order.change.request', request_id, access_token=access_token)
        except AccessError:
            raise NotFound()
        url = '/my/change-requests/%s' % change.id
        if decision not in ('approve', 'decline'):
            return self._eco_redirect(url, access_token, eco_error='decision')
        try:
            change._eco_portal_decide(
                decision == 'approve', self._eco_acting_partner(change),
                request.env.user,
                note=(note or '').strip() or False)
        except UserError:
            return self._eco_redirect(url, access_token, eco_error='closed')
        return self._eco_redirect(url, access_token, eco_success=decision)

    # ------------------------------------------------------------------ acceptance
    @http.route(['/my/acceptance/<int:acceptance_id>'], type='http', auth='public',
                website=True)
    def eco_portal_acceptance(self, acceptance_id, access_token=None, **kw):
        login = self._eco_login_redirect(access_token)
        if login:
            return login
        try:
            acceptance = self._eco_child_access(
                'eco.acceptance', acceptance_id, access_token=access_token)
        except AccessError:
            raise NotFound()
        values = self._eco_page_values(access_token)
        values.update({
            'acceptance': acceptance,
            'order': acceptance.order_id,
            'page_name': 'eco_acceptance',
            'eco_success': kw.get('eco_success'),
            'eco_error': kw.get('eco_error'),
        })
        return request.render('eco_order.portal_eco_acceptance_page', values)

    @http.route(['/my/acceptance/<int:acceptance_id>/sign'], type='http', auth='public',
                methods=['POST'], website=True)
    def eco_portal_acceptance_sign(self, acceptance_id, name='', signature_text='',
                                   access_token=None, **kw):
        try:
            acceptance = self._eco_child_access(
                'eco.acceptance', acceptance_id, access_token=access_token)
        except AccessError:
            raise NotFound()
        url = '/my/acceptance/%s' % acceptance.id
        try:
            acceptance._eco_portal_sign(
                name, signature_text=signature_text,
                ip=request.httprequest.remote_addr,
                partner=self._eco_acting_partner(acceptance))
        except UserError:
            return self._eco_redirect(url, access_token, eco_error='sign')
        return self._eco_redirect(url, access_token, eco_success='signed')

    @http.route(['/my/acceptance/sign_drawn'], type='json', auth='public', website=True)
    def eco_portal_acceptance_sign_drawn(self, res_id, access_token=None,
                                         partner_name=None, signature=None):
        """Drawn signature from Odoo's portal signature widget."""
        try:
            acceptance = self._eco_child_access(
                'eco.acceptance', int(res_id), access_token=access_token)
        except (AccessError, ValueError, TypeError):
            return {'error': _('Invalid acceptance.')}
        try:
            base64.b64decode(signature or '', validate=True)
        except (binascii.Error, ValueError):
            return {'error': _('Invalid signature.')}
        try:
            acceptance._eco_portal_sign(
                partner_name, signature=signature, ip=request.httprequest.remote_addr,
                partner=self._eco_acting_partner(acceptance))
        except UserError as error:
            return {'error': error.name}
        query = {'eco_success': 'signed'}
        if access_token:
            query['access_token'] = access_token
        return {
            'success': _('Thank you, the acceptance is signed.'),
            'redirect_url': '/my/acceptance/%s?%s' % (acceptance.id, url_encode(query)),
        }

    @http.route(['/my/acceptance/<int:acceptance_id>/pdf'], type='http', auth='public',
                website=True)
    def eco_portal_acceptance_pdf(self, acceptance_id, access_token=None, **kw):
        try:
            acceptance = self._eco_child_access(
                'eco.acceptance', acceptance_id, access_token=access_token)
        except AccessError:
            raise NotFound()
        if not acceptance._eco_certificate_available():
            raise NotFound()
        report = request.env.ref(
            'eco_order.action_report_eco_acceptance_certificate').sudo()
        pdf = report.render_qweb_pdf([acceptance.id])[0]
        return request.make_response(pdf, headers=[
            ('Content-Type', 'application/pdf'), ('Content-Length', len(pdf))])
