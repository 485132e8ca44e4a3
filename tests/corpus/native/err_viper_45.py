# mpy-cross -march=ARCH
# viper error: every parameter annotation is checked, so the last unknown type is the one reported
import micropython

@micropython.viper
def f(a: Widget, b: int, c: list, d: Optional[int] = None):
    pass
