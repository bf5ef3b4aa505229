
from . import test_needs
from . import test_access
from . import test_demo
from . import test_allocation
from . import test_milestones
from . import test_escalation
from . import test_collaboration
