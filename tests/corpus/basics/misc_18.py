# gc and micropython module functions that give deterministic results
import gc, micropython
gc.collect()
print(isinstance(gc.mem_free(), int), gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(micropython.const(5) if hasattr(micropython, "const") else 5)
print(micropython.opt_level() >= 0)
