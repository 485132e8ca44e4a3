# mpy-cross -march=ARCH
# viper with try/finally and a with block holding native locals
import micropython

class Guard:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print('exit')

@micropython.viper
def work(n: int) -> int:
    s = 0
    with Guard():
        for i in range(n):
            s += i
    try:
        s *= 2
    finally:
        print('finally', s)
    return s

print(work(5))
