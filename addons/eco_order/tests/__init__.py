
from . import test_needs
from . import test_access
from . import test_demo
from . import test_portal_request
from . import test_portal_orders
from . import test_portal_tour
from . import test_intake_channels
from . import test_intake_review
from . import test_mail_gateway
from . import test_protection_access
from . import test_protection_classification
from . import test_protection_log
from . import test_protection_http
