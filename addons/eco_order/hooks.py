# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Orders that exist before eco_order is installed passed no intake review: they
are taken over as accepted (channel "other") so they stay confirmable."""


def pre_init_hook(cr):
    cr.execute("SELECT to_regclass('sale_order')")
    if not cr.fetchone()[0]:
        return
    cr.execute("""
        ALTER TABLE sale_order
            ADD COLUMN IF NOT EXISTS intake_state VARCHAR,
            ADD COLUMN IF NOT EXISTS intake_channel VARCHAR,
            ADD COLUMN IF NOT EXISTS intake_accepted_date TIMESTAMP
    """)
    cr.execute("""
        UPDATE sale_order
           SET intake_state = 'accepted',
               intake_channel = COALESCE(intake_channel, 'other'),
               intake_accepted_date = COALESCE(confirmation_date, create_date)
         WHERE intake_state IS NULL
    """)
