# mpy-cross -march=ARCH
# SyntaxError: invalid micropython decorator
import micropython

@micropython.turbo
def f():
    pass
