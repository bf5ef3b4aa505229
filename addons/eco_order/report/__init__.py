from . import eco_analysis_mixin
from . import eco_order_analysis
from . import eco_demand_analysis_data
from . import eco_demand_analysis
from . import eco_sales_analysis
from . import eco_milestone_analysis
from . import eco_compliance_analysis
