# mpy-cross -march=ARCH
# a native function calling a viper kernel and a bytecode helper
import micropython

@micropython.viper
def kernel(buf, n: int) -> int:
    p = ptr8(buf)
    m = 0
    for i in range(n):
        if p[i] > m:
            m = p[i]
    return m

def helper(x):
    return x * 2

@micropython.native
def driver(data):
    return helper(kernel(data, len(data)))

print(driver(bytearray([3, 9, 4, 7])))
