# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Activities created in bulk, for scheduled actions that notify many records.

Odoo 11's ``mail.activity.create`` takes one record at a time and costs some
35 queries each (defaults, access check, subscription of the assignee, bus
notification, recomputations). ``_eco_create_bulk`` does the same work for a
whole batch with a constant number of queries: one INSERT for the activities,
one subscription of the assignees per document model, one bus notification
per assignee.
"""
from psycopg2 import sql

from odoo import api, fields, models

# columns written by the ORM itself, never taken from values or defaults
MAGIC_COLUMNS = ('id', 'create_uid', 'create_date', 'write_uid', 'write_date')


class MailActivity(models.Model):
    _inherit = 'mail.activity'

    @api.model
    def _eco_bulk_columns(self, vals_list):
        """Stored column fields set by the defaults or by any of the values."""
        names = set(self.default_get(list(self._fields)))
        for vals in vals_list:
            names.update(vals)
        names.update(('res_model', 'res_name'))
        return sorted(
            name for name in names
            if name in self._fields and name not in MAGIC_COLUMNS
            and self._fields[name].store and self._fields[name].column_type)

    @api.model
    def _eco_bulk_document_names(self, vals_list):
        """``{(model, res_id): display name}`` of the activities' documents,
        read with one ``name_get`` per model; ``{ir.model id: model}``."""
        model_ids = {vals['res_model_id'] for vals in vals_list}
        models_by_id = {
            m.id: m.model for m in self.env['ir.model'].sudo().browse(model_ids)}
        res_ids = {}
        for vals in vals_list:
            res_ids.setdefault(models_by_id[vals['res_model_id']], set()).add(
                vals['res_id'])
        names = {}
        for model, ids in res_ids.items():
            for res_id, name in self.env[model].sudo().browse(ids).name_get():
                names[(model, res_id)] = name
        return names, models_by_id

    @api.model
    def _eco_create_bulk(self, vals_list):
        """Create one activity per values dict (``res_model_id``, ``res_id``,
        ``user_id`` and ``date_deadline`` required) and return them.

        Same result as calling ``create`` for each: defaults applied, the
        document name stored, the assignee following the document, a bus
        notification for activities due today or earlier. ORM overrides of
        ``create`` on ``mail.activity`` are not called and no access check is
        made: callers are scheduled actions working as superuser.
        """
        if not vals_list:
            return self.browse()
        defaults = self.default_get(list(self._fields))
        names, models_by_id = self._eco_bulk_document_names(vals_list)
        columns = self._eco_bulk_columns(vals_list)
        now = fields.Datetime.now()
        rows = []
        for vals in vals_list:
            model = models_by_id[vals['res_model_id']]
            full = dict(defaults, **vals)
            full.update(res_model=model, res_name=names.get((model, vals['res_id'])))
            rows.append(tuple(
                self._fields[name].convert_to_column(full.get(name), self)
                for name in columns) + (self.env.uid, now, self.env.uid, now))
        query = sql.SQL('INSERT INTO mail_activity ({cols}) VALUES {rows} '
                        'RETURNING id').format(
            cols=sql.SQL(', ').join(
                sql.Identifier(c) for c in columns + list(MAGIC_COLUMNS[1:])),
            rows=sql.SQL(', ').join(sql.Placeholder() * len(rows)))
        self.env.cr.execute(query.as_string(self.env.cr._obj), rows)
        activities = self.browse([row[0] for row in self.env.cr.fetchall()])
        self._eco_bulk_after_create(activities, vals_list, models_by_id)
        return activities

    @api.model
    def _eco_bulk_after_create(self, activities, vals_list, models_by_id):
        """Subscribe the assignees, notify them, refresh the caches."""
        Users = self.env['res.users'].sudo()
        partner_of = {u.id: u.partner_id.id
                      for u in Users.browse({v['user_id'] for v in vals_list})}
        by_model = {}
        for vals in vals_list:
            by_model.setdefault(models_by_id[vals['res_model_id']], set()).add(
                (vals['res_id'], partner_of[vals['user_id']]))
        Followers = self.env['mail.followers'].sudo()
        for model, pairs in by_model.items():
            Followers._eco_subscribe_bulk(model, pairs)
        today = fields.Date.context_today(self)
        due = {partner_of[v['user_id']] for v in vals_list
               if str(v['date_deadline']) <= today}
        if due:
            self.env['bus.bus'].sendmany([
                ((self._cr.dbname, 'res.partner', partner_id),
                 {'type': 'activity_updated', 'activity_created': True})
                for partner_id in sorted(due)])
        activity_fields = [name for name in self.env['mail.activity.mixin']._fields
                           if name not in models.MAGIC_COLUMNS]
        for model, pairs in by_model.items():
            Model = self.env[model]
            Model.invalidate_cache(
                [name for name in activity_fields if name in Model._fields],
                [res_id for res_id, _p in pairs])
