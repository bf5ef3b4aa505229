# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Access log of protected customer data (R7.2), shared by the models that hold it."""
from odoo import SUPERUSER_ID, api, models

# reads of these fields alone (name_get, concurrency checks) are not logged
UNLOGGED_READ_FIELDS = frozenset(['id', 'display_name', '__last_update'])


class EcoAccessLogMixin(models.AbstractModel):
    """Logs client reads and exports of records of confidential or secret customers.

    A model inherits it and implements ``_eco_access_log_entries()``; ordinary records
    cost one SELECT per call and no write.
    """
    _name = 'eco.access.log.mixin'
    _description = 'Access Log of Protected Customer Data'

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        result = super(EcoAccessLogMixin, self).read(fields=fields, load=load)
        # the ORM's own field prefetching reads with load='_classic_write':
        # only reads asked for by a client or a report (default load) count
        if load == '_classic_read' and (
                fields is None or set(fields) - UNLOGGED_READ_FIELDS):
            self._eco_log_access('read')
        return result

    @api.model
    def search_read(self, domain=None, fields=None, offset=0, limit=None,
                    order=None):
        """List and kanban loads show rows, they don't open them: no log (opening
        a record reads it, and that read is logged)."""
        return super(EcoAccessLogMixin, self.with_context(
            eco_no_access_log=True)).search_read(
                domain=domain, fields=fields, offset=offset, limit=limit,
                order=order)

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        result = super(EcoAccessLogMixin, self).export_data(
            fields_to_export, raw_data=raw_data)
        self._eco_log_access('export')
        return result

    @api.multi
    def _eco_log_access(self, action):
        """Log ``action`` (read/export) of the protected records of ``self``.

        Nothing for the superuser, cron jobs and calls with ``eco_no_access_log`` in
        the context; one INSERT for all the protected records of the call.
        """
        if (not self.ids or self.env.uid == SUPERUSER_ID
                or self.env.context.get('eco_no_access_log')):
            return
        entries = self._eco_access_log_entries()
        if entries:
            self.env['eco.partner.access.log']._log_access(action, self._name, entries)

    @api.multi
    def _eco_access_log_entries(self):
        """The (partner id, order id or False) pairs to log for ``self``."""
        return []
