from . import eco_credit_hold_override
from . import eco_credit_hold_wizard
