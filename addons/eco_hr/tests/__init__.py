# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_training
from . import test_allocation
from . import test_appraisal
from . import test_appraisal_http
from . import test_workload
