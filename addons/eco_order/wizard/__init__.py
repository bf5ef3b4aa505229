from . import eco_intake_clarify
from . import eco_intake_reject
from . import eco_order_reassign
from . import eco_demand_analysis_refresh
