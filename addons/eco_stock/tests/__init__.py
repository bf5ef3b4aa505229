# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_supplier
from . import test_evaluation
from . import test_installation
from . import test_installation_portal
from . import test_stock
from . import test_ux_milestone_delivery
