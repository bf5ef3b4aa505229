
from . import test_needs
from . import test_access
from . import test_demo
