# mpy-cross-args: -march=x64
# raise ... from ... in a native function
import micropython
@micropython.native
def f(e):
    raise ValueError("x") from e
