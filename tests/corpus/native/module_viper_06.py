# mpy-cross -march=ARCH -X emit=viper
# whole module viper with a @micropython.native function and a @micropython.bytecode one
import micropython

@micropython.native
def nat(xs):
    return [x + 1 for x in xs]

@micropython.bytecode
def bc(xs):
    return sum(xs)

def vp(n: int) -> int:
    return n * n

print(nat([1, 2]), bc([1, 2]), vp(9))
