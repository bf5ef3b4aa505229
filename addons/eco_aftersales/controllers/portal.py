# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer portal for after-sales (R11.1, R11.2): service tickets on the
customer's own equipment, the service commitments, and a safe ticket close.

Records are read as the logged-in user first (record rules: the customer's
commercial partner only); a commitment may also be opened with its access token
(``consteq``). Anything else answers 404.
"""
import base64

from werkzeug.exceptions import NotFound
from werkzeug.urls import url_encode

from odoo import _, http
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.tools import consteq, html_escape

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController


class EcoAftersalesPortal(http.Controller):

    @staticmethod
    def _eco_own_equipment():
        """The equipment registered for the user's commercial partner."""
        partner = request.env.user.commercial_partner_id
        return request.env['eco.equipment'].sudo().search(
            [('partner_id', 'child_of', partner.id)], order='name')

    @http.route(['/my/service/ticket/new'], type='http', auth='user', website=True,
                methods=['GET'])
    def eco_portal_ticket_form(self, **kw):
        values = {
            'page_name': 'eco_service_ticket',
            'equipment': self._eco_own_equipment(),
            'eco_error': kw.get('eco_error'),
        }
        return request.render('eco_aftersales.portal_eco_ticket_new', values)

    @http.route(['/my/service/ticket/new'], type='http', auth='user', website=True,
                methods=['POST'])
    def eco_portal_ticket_create(self, equipment_id=None, subject='', description='',
                                 priority='1', **kw):
        try:
            equipment_id = int(equipment_id or 0)
        except ValueError:
            equipment_id = 0
        equipment = self._eco_own_equipment().filtered(lambda e: e.id == equipment_id)
        if not equipment or not (subject or '').strip():
            return request.redirect('/my/service/ticket/new?%s' % url_encode(
                {'eco_error': 'missing'}))
        if priority not in ('0', '1', '2', '3'):
            priority = '1'
        user = request.env.user
        channel = request.env.ref('helpdesk_mgmt.helpdesk_ticket_channel_web',
                                  raise_if_not_found=False)
        ticket = request.env['helpdesk.ticket'].sudo().create({
            'name': subject.strip(),
            'description': '<p>%s</p>' % html_escape(description or ''),
            'partner_id': user.partner_id.id,
            'partner_name': user.partner_id.name,
            'partner_email': user.partner_id.email,
            'eco_equipment_id': equipment.id,
            'priority': priority,
            'company_id': equipment.company_id.id or user.company_id.id,
            'channel_id': channel.id if channel else False,
        })
        ticket.message_subscribe(partner_ids=user.partner_id.ids)
        for upload in request.httprequest.files.getlist('photos'):
            data = upload.read()
            if upload.filename and data:
                request.env['ir.attachment'].sudo().create({
                    'name': upload.filename,
                    'datas': base64.b64encode(data),
                    'datas_fname': upload.filename,
                    'res_model': 'helpdesk.ticket',
                    'res_id': ticket.id,
                })
        return request.redirect('/my/ticket/%s' % ticket.id)

    @http.route(['/my/service/commitment/<int:commitment_id>'], type='http',
                auth='public', website=True)
    def eco_portal_commitment(self, commitment_id, access_token=None, **kw):
        commitment = request.env['eco.service.commitment'].sudo().browse(
            commitment_id).exists()
        if not commitment:
            raise NotFound()
        if request.env.user._is_public() and not access_token:
            return request.redirect('/web/login?%s' % url_encode(
                {'redirect': request.httprequest.full_path}))
        as_user = commitment.sudo(request.env.uid)
        try:
            as_user.check_access_rights('read')
            as_user.check_access_rule('read')
        except AccessError:
            if not access_token or not consteq(commitment.access_token or '',
                                               access_token):
                raise NotFound()
        return request.render('eco_aftersales.portal_eco_commitment_page', {
            'commitment': commitment, 'page_name': 'eco_service_commitment',
            'no_breadcrumbs': request.env.user._is_public()})


class EcoHelpdeskTicketController(HelpdeskTicketController):

    @http.route('/ticket/close', type="http", auth="user", website=True)
    def support_ticket_close(self, **kw):
        """helpdesk_mgmt's close, for the user's own tickets only (it used sudo
        on any id) and to a closing stage only."""
        try:
            ticket_id = int(kw.get('ticket_id') or 0)
            stage_id = int(kw.get('stage_id') or 0)
        except ValueError:
            raise NotFound()
        ticket = request.env['helpdesk.ticket'].browse(ticket_id).exists()
        stage = request.env['helpdesk.ticket.stage'].sudo().browse(stage_id).exists()
        try:
            ticket.check_access_rights('read')
            ticket.check_access_rule('read')
        except AccessError:
            raise NotFound()
        if not ticket or not stage.closed:
            raise NotFound()
        ticket.sudo().write({'stage_id': stage.id})
        ticket.sudo().message_post(
            body=_('Closed by the customer.'), message_type='notification',
            subtype='mail.mt_note')
        return request.redirect('/my/ticket/%s' % ticket.id)
