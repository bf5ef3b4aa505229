
from . import test_needs
from . import test_access
from . import test_demo
from . import test_portal_request
from . import test_portal_orders
from . import test_portal_tour
from . import test_intake_channels
from . import test_intake_review
from . import test_mail_gateway
from . import test_change_request
from . import test_acceptance
from . import test_portal_progress
from . import test_portal_change_tour
from . import test_allocation
from . import test_milestones
from . import test_escalation
from . import test_collaboration
