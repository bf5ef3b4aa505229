from . import eco_environmental_standard
from . import eco_intake_rejection
from . import eco_order_need
from . import mail_thread
from . import res_config_settings
from . import res_partner
from . import sale_order
from . import sale_order_line
