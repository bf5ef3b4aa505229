# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import eco_slow_mover_report
from . import eco_count_accuracy_report
