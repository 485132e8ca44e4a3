# mpy-cross -march=ARCH
# viper calling a viper function with keyword-free positional object arguments and star args
import micropython

def py_sum(*args):
    return sum(args)

@micropython.viper
def spread(xs) -> int:
    return int(py_sum(*xs)) + int(py_sum(1, 2))

print(spread([1, 2, 3]), spread([]))
