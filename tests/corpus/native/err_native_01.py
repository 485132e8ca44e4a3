# mpy-cross -march=ARCH
# NotImplementedError: bare raise in @native
import micropython

@micropython.native
def f():
    try:
        pass
    except:
        raise
