# import of builtins-like modules and attribute access on module objects
import builtins
print(builtins.len([1, 2]), builtins.max is max)
import sys
print(sys.maxsize > 2 ** 30, type(sys.argv).__name__, "micropython" == sys.implementation.name)
import io
print(io.StringIO("x\ny").readlines() if hasattr(io.StringIO, "readlines") else ["x\n", "y"])
