from . import models
from . import wizard
from . import controllers
from .hooks import pre_init_hook  # noqa: F401
