
from . import test_change_request
from . import test_acceptance
