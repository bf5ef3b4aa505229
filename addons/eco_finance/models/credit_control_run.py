# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Daily dunning run (R5.3) on top of account_credit_control.

account_credit_control 11.0 has no scheduled run and leaves the generated lines in
draft for a person to send. ``_eco_cron_dunning`` runs every policy marked "Daily
Run" in batches of move lines: each batch is claimed with ``FOR UPDATE SKIP LOCKED``
(a second worker skips the lines the first one holds), the credit lines are made by
the OCA level logic (``get_level_lines`` / ``create_or_update_from_mv_lines``, which
never make a level again for a line that has a sent line of that level), and the
level's automatic action is done at once, so the lines leave the draft state and a
later run does not repeat them. The claimed move lines that got a line are stamped
(``eco_dunning_date``): a worker that read them before the stamp was committed
fails to lock them (serialization error, nothing done) instead of sending twice.
"""

from odoo import _, api, fields, models
from odoo.tools import split_every


BATCH_SIZE = 500


class CreditControlRun(models.Model):
    _inherit = 'credit.control.run'

    eco_auto = fields.Boolean(string='Scheduled', readonly=True, copy=False)

    @api.model
    def _eco_cron_dunning(self, batch_size=BATCH_SIZE, date=None):
        """Scheduled action: run the daily policies; returns the runs made."""
        date = date or fields.Date.context_today(self)
        policies = self.env['credit.control.policy'].search(
            [('eco_auto_run', '=', True), ('do_nothing', '=', False)])
        runs = self.browse()
        for policy in policies:
            runs |= self._eco_run_policy(policy, date, batch_size)
        return runs

    @api.model
    def _eco_run_policy(self, policy, date, batch_size=BATCH_SIZE):
        lines = policy._get_move_lines_to_process(date)
        lines -= policy._lines_different_policy(lines)
        runs = self.browse()
        for chunk in split_every(batch_size, lines.ids):
            batch = self._eco_claim_move_lines(chunk)
            if batch:
                runs |= self._eco_run_batch(policy, date, batch)
        return runs

    @api.model
    def _eco_claim_move_lines(self, ids):
        """Lock the move lines no other worker holds; returns them."""
        self.env.cr.execute(
            'SELECT id FROM account_move_line WHERE id IN %s '
            'ORDER BY id FOR UPDATE SKIP LOCKED', (tuple(ids),))
        return self.env['account.move.line'].browse(
            [row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _eco_run_batch(self, policy, date, move_lines):
        """One run over a claimed batch: lines per level, then the level actions."""
        run = self.create({
            'date': date, 'policy_ids': [(6, 0, policy.ids)], 'eco_auto': True,
            'company_id': policy.company_id.id or self.env.user.company_id.id,
        })
        Line = self.env['credit.control.line'].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True)
        generated = Line.browse()
        for level in reversed(policy.level_ids):
            level_lines = level.get_level_lines(date, move_lines)
            if level_lines:
                generated |= Line.create_or_update_from_mv_lines(
                    level_lines, level, date)
        run.write({
            'state': 'done', 'line_ids': [(6, 0, generated.ids)],
            'report': _('Scheduled run: %d credit control lines.') % len(generated),
        })
        if generated:
            self.env.cr.execute(
                'UPDATE account_move_line SET eco_dunning_date = %s WHERE id IN %s',
                (date, tuple(generated.mapped('move_line_id').ids)))
            generated.mapped('move_line_id').invalidate_cache(['eco_dunning_date'])
            generated._eco_do_level_actions()
        return run
