# mpy-cross-args: -march=rv64imc
# @micropython.native for an architecture without a native emitter
import micropython
@micropython.native
def f():
    return 1
