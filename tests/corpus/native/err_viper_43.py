# mpy-cross -march=ARCH
# viper error: two errors in one statement, the later one (return type) is reported
import micropython

@micropython.viper
def f(a: int, b: uint) -> int:
    return a < b
