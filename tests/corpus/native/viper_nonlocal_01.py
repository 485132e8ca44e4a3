# mpy-cross -march=ARCH
# viper function containing a plain nested viper helper (nested scopes inherit viper)
import micropython

@micropython.viper
def outer(n: int) -> int:
    def sq(x: int) -> int:
        return x * x
    s = 0
    for i in range(n):
        s += int(sq(i))
    return s

print(outer(5))
