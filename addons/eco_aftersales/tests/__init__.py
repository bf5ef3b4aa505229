from . import test_commitment
from . import test_sla
from . import test_followup_survey
from . import test_review
from . import test_access
from . import test_portal
