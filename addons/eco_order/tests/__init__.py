
from . import test_needs
from . import test_access
from . import test_demo
from . import test_analysis
from . import test_compliance
