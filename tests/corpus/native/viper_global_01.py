# mpy-cross -march=ARCH
# viper reading and writing module globals (swapped-in globals dict)
import micropython

counter = 10

@micropython.viper
def bump(n: int):
    global counter
    counter = int(counter) + n

@micropython.viper
def read() -> int:
    return int(counter) * 2

bump(5)
bump(-1)
print(counter, read())
