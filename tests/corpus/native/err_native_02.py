# mpy-cross -march=ARCH
# NotImplementedError: raise X from Y in @native
import micropython

@micropython.native
def f(e):
    raise ValueError() from e
