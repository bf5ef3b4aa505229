from . import eco_aging_report
from . import eco_dso_report
