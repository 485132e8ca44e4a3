# mpy-cross -march=ARCH
# viper with try/except: locals leave registers, the global handler is set up (viper // itself would trap)
import micropython

@micropython.viper
def guarded(a: int, b: int) -> int:
    r = 0
    try:
        if b == 0:
            raise ZeroDivisionError
        r = a // b
    except ZeroDivisionError:
        r = -1
    return r

print(guarded(10, 3), guarded(1, 0))
