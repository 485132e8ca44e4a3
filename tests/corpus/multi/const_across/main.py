# multi-module program: const() values in one module are ordinary globals seen from another
import cfg
from cfg import LIMIT
print(cfg.LIMIT, LIMIT, hasattr(cfg, "_HIDDEN"))
print(cfg.scaled(3))
