# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import eco_safety_frequency_report
from . import eco_safety_dashboard
