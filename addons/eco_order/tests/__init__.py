
from . import test_change_request
from . import test_acceptance
from . import test_portal_progress
from . import test_portal_change_tour
