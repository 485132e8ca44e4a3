# mpy-cross -march=ARCH -X emit=native
# whole module native with a @micropython.bytecode function and a viper function
import micropython

@micropython.bytecode
def bc(x):
    return x * 3

@micropython.viper
def vp(x: int) -> int:
    return x << 2

print(bc(5), vp(5), bc('ab'))
