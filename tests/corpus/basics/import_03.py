# importing missing modules raises ImportError; __import__ and module attributes
try:
    import no_such_module_xyz
except ImportError:
    print("ImportError")
try:
    from math import not_a_name
except ImportError:
    print("ImportError from-import")
mod = __import__("struct")
print(mod.calcsize("<i"))
import micropython
print(hasattr(micropython, "const"))
