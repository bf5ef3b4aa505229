# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api


def post_init_hook(cr, registry):
    """Vendors that existed before the installation start as qualified, so that
    purchasing keeps working (the gate only stops vendors created afterwards
    until a purchase manager qualifies them)."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env['res.partner']._eco_qualify_existing_vendors()
    env['stock.move']._eco_backfill_last_outgoing()
