# mpy-cross -march=ARCH
# viper bool() casts of objects and of native values
import micropython

@micropython.viper
def truthy(x) -> int:
    b = bool(x)
    if b:
        return 1
    return 0

print(truthy([]), truthy([0]), truthy(''), truthy('x'), truthy(0), truthy(7))
