# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class EcoPartnerAccessLog(models.Model):
    """Who read or exported confidential or secret customer information.

    Append-only: nobody has write or unlink access (see ir.model.access.csv),
    managers may read. Rows are written by ``_log_access`` only.
    """
    _name = 'eco.partner.access.log'
    _description = 'Confidential Customer Access Log'
    _order = 'access_date desc, id desc'
    _rec_name = 'partner_id'

    access_date = fields.Datetime(
        string='Date', required=True, readonly=True, index=True,
        default=fields.Datetime.now)
    user_id = fields.Many2one(
        'res.users', string='User', required=True, readonly=True, index=True,
        ondelete='restrict')
    partner_id = fields.Many2one(
        'res.partner', string='Customer', required=True, readonly=True, index=True,
        ondelete='restrict')
    order_id = fields.Many2one(
        'sale.order', string='Order', readonly=True, index=True, ondelete='set null')
    action = fields.Selection(
        [('read', 'Read'), ('export', 'Export')], string='Action', required=True,
        readonly=True)
    res_model = fields.Char(string='Model', required=True, readonly=True)
    classification = fields.Selection(
        related='partner_id.eco_effective_classification', string='Confidentiality',
        readonly=True)

    @api.model
    def _eco_dedup_seconds(self):
        """Window in which a repeated access (same user, record, action and
        model: e.g. each reload of a form) writes no new row."""
        return 600

    @api.model
    def _log_access(self, action, res_model, rows):
        """Insert one log line per ``(partner_id, order_id)`` of ``rows`` for the
        current user, in a single INSERT statement (reads must stay cheap); an
        access already logged within ``_eco_dedup_seconds()`` is not repeated."""
        if not rows:
            return
        rows = sorted(set((row[0], row[1] or None) for row in rows),
                      key=lambda row: (row[0], row[1] or 0))
        partner_ids = [row[0] for row in rows]
        order_ids = [row[1] or None for row in rows]
        self.env.cr.execute("""
            INSERT INTO eco_partner_access_log
                (access_date, user_id, partner_id, order_id, action, res_model,
                 create_date, create_uid, write_date, write_uid)
            SELECT now() AT TIME ZONE 'UTC', %(uid)s, t.partner_id, t.order_id,
                   %(action)s, %(res_model)s,
                   now() AT TIME ZONE 'UTC', %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s
            FROM unnest(%(partner_ids)s::int[], %(order_ids)s::int[])
                AS t(partner_id, order_id)
            WHERE NOT EXISTS (
                SELECT 1 FROM eco_partner_access_log l
                WHERE l.user_id = %(uid)s AND l.partner_id = t.partner_id
                  AND l.order_id IS NOT DISTINCT FROM t.order_id
                  AND l.action = %(action)s AND l.res_model = %(res_model)s
                  AND l.access_date > (now() AT TIME ZONE 'UTC')
                      - %(window)s * interval '1 second')
        """, {
            'window': self._eco_dedup_seconds(),
            'uid': self.env.uid,
            'action': action,
            'res_model': res_model,
            'partner_ids': partner_ids,
            'order_ids': order_ids,
        })
