# mpy-cross -march=ARCH
# SyntaxError: invalid micropython decorator (too many name parts)
import micropython

@micropython.native.extra
def f():
    pass
