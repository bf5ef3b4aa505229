from . import eco_intake_clarify
from . import eco_intake_reject
