# mpy-cross -march=ARCH
# decorators: the same source function body compiled as bytecode, native and viper
import micropython

def bc(n):
    s = 0
    for i in range(n):
        s += i * i
    return s

@micropython.native
def nat(n):
    s = 0
    for i in range(n):
        s += i * i
    return s

@micropython.viper
def vip(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s

print(bc(20), nat(20), vip(20))
