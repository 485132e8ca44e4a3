# mpy-cross -march=ARCH
# viper for-range with negative steps and computed bounds
import micropython

@micropython.viper
def countdown(a: int, b: int, step: int) -> object:
    out = []
    for i in range(a, b, -2):
        out.append(i)
    return out

print(countdown(10, 0, 2), countdown(3, -4, 2))
