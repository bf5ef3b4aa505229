# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import models
from . import controllers
from . import report
from . import wizard
from .hooks import post_init_hook
