from . import test_credit_hold
from . import test_dunning
from . import test_due_reminder
from . import test_pricing
from . import test_pricing_review
from . import test_access
from . import test_cost_sheet
from . import test_payment_schedule
