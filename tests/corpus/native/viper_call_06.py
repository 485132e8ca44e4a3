# mpy-cross -march=ARCH
# viper recursion through the global function object
import micropython

@micropython.viper
def fib(n: int) -> int:
    if n < 2:
        return n
    return int(fib(n - 1)) + int(fib(n - 2))

print([fib(i) for i in range(15)])
