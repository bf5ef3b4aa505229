from . import eco_satisfaction_report
