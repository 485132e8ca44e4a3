# mpy-cross-args: -X emit=native
# whole-module native emitter without -march
def f():
    return 1
