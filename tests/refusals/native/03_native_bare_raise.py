# mpy-cross-args: -march=x64
# bare raise in a native function
import micropython
@micropython.native
def f():
    try:
        pass
    except ValueError:
        raise
