# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer portal: an installation job's commissioning and the customer's
sign-off (R10.1).

The job is read as the logged-in user (portal record rule: the customer's own
jobs); otherwise only with the job's access token (``consteq``). Another
customer's job answers 404.
"""
import base64
import binascii

from werkzeug.exceptions import NotFound
from werkzeug.urls import url_encode

from odoo import _, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.eco_order.controllers.portal_progress import EcoProgressPortal


class EcoInstallationPortal(EcoProgressPortal):

    def _eco_job_access(self, job_id, access_token=None):
        """The job as sudo when the user may read it or the token matches."""
        job = request.env['eco.installation.job'].sudo().browse(job_id).exists()
        if not job:
            raise AccessError(_('This document does not exist.'))
        as_user = job.sudo(request.env.uid)
        try:
            as_user.check_access_rights('read')
            as_user.check_access_rule('read')
        except AccessError:
            if not access_token or not consteq(job.access_token or '', access_token):
                raise
        return job

    @http.route(['/my/installation/<int:job_id>'], type='http', auth='public',
                website=True)
    def eco_portal_installation(self, job_id, access_token=None, **kw):
        redirect = self._eco_login_redirect(access_token)
        if redirect:
            return redirect
        try:
            job = self._eco_job_access(job_id, access_token=access_token)
        except AccessError:
            raise NotFound()
        values = self._eco_page_values(access_token)
        values.update({
            'job': job,
            'page_name': 'eco_installation',
            'eco_error': kw.get('eco_error'),
            'eco_success': kw.get('eco_success'),
        })
        return request.render('eco_stock.portal_eco_installation_page', values)

    @http.route(['/my/installation/<int:job_id>/sign'], type='http', auth='public',
                methods=['POST'], website=True)
    def eco_portal_installation_sign(self, job_id, name='', signature_text='',
                                     access_token=None, **kw):
        try:
            job = self._eco_job_access(job_id, access_token=access_token)
        except AccessError:
            raise NotFound()
        url = '/my/installation/%s' % job.id
        try:
            job._eco_portal_sign(
                name, signature_text=signature_text, ip=request.httprequest.remote_addr,
                partner=self._eco_acting_partner(job))
        except UserError:
            return self._eco_redirect(url, access_token, eco_error='sign')
        return self._eco_redirect(url, access_token, eco_success='signed')

    @http.route(['/my/installation/sign_drawn'], type='json', auth='public',
                website=True)
    def eco_portal_installation_sign_drawn(self, res_id, access_token=None,
                                           partner_name=None, signature=None):
        try:
            job = self._eco_job_access(int(res_id), access_token=access_token)
        except (AccessError, ValueError, TypeError):
            return {'error': _('Invalid installation job.')}
        try:
            base64.b64decode(signature or '', validate=True)
        except (binascii.Error, ValueError):
            return {'error': _('Invalid signature.')}
        try:
            job._eco_portal_sign(partner_name, signature=signature,
                                 ip=request.httprequest.remote_addr,
                                 partner=self._eco_acting_partner(job))
        except UserError as error:
            return {'error': error.name}
        query = {'eco_success': 'signed'}
        if access_token:
            query['access_token'] = access_token
        return {
            'success': _('Thank you, the installation is signed off.'),
            'redirect_url': '/my/installation/%s?%s' % (job.id, url_encode(query)),
        }
