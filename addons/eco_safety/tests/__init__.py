# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_gate
from . import test_site
from . import test_emergency
from . import test_ltifr
from . import test_order_plan
