# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrCron(models.Model):
    _inherit = 'ir.cron'

    @api.model
    def _callback(self, cron_name, server_action_id, job_id):
        """Scheduled jobs read customers as part of their work, not as a person:
        their reads are not written to the confidential-customer access log. The
        suite's crons commit batch by batch (``run_batches``)."""
        return super(IrCron, self.with_context(
            eco_no_access_log=True, eco_cron_batches=True))._callback(
                cron_name, server_action_id, job_id)

    @api.multi
    def method_direct_trigger(self):
        """"Run Manually" runs the suite's crons batch by batch, like the cron."""
        return super(IrCron, self.with_context(
            eco_cron_batches=True)).method_direct_trigger()
