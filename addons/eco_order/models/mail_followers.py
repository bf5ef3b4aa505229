# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import sql

from odoo import api, models

# fields of mail.thread that list or depend on the followers
FOLLOWER_FIELDS = ('message_follower_ids', 'message_partner_ids',
                   'message_channel_ids', 'message_is_follower')


class MailFollowers(models.Model):
    _inherit = 'mail.followers'

    @api.model
    def _eco_subscribe_bulk(self, res_model, pairs):
        """Make each partner follow its document, ``pairs`` being a set of
        ``(res_id, partner_id)`` of ``res_model``, with the model's default
        subtypes (as ``message_subscribe`` does for a new follower).

        Constant number of queries: one INSERT of the missing followers
        (existing ones are left as they are) and one of their subtypes.
        Returns the new followers.
        """
        if not pairs:
            return self.browse()
        cr = self.env.cr
        rows = sorted((res_model, res_id, partner_id) for res_id, partner_id in pairs)
        query = sql.SQL(
            'INSERT INTO mail_followers (res_model, res_id, partner_id) '
            'VALUES {rows} ON CONFLICT DO NOTHING RETURNING id'
        ).format(rows=sql.SQL(', ').join(sql.Placeholder() * len(rows)))
        cr.execute(query.as_string(cr._obj), rows)
        followers = self.browse([row[0] for row in cr.fetchall()])
        subtypes = self.env['mail.message.subtype'].default_subtypes(res_model)[0]
        if followers and subtypes:
            links = [(f_id, s_id) for f_id in followers.ids for s_id in subtypes.ids]
            query = sql.SQL(
                'INSERT INTO mail_followers_mail_message_subtype_rel '
                '(mail_followers_id, mail_message_subtype_id) VALUES {rows}'
            ).format(rows=sql.SQL(', ').join(sql.Placeholder() * len(links)))
            cr.execute(query.as_string(cr._obj), links)
        Model = self.env[res_model]
        Model.invalidate_cache(
            [name for name in FOLLOWER_FIELDS if name in Model._fields],
            [res_id for res_id, _p in pairs])
        return followers
