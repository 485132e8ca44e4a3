# mpy-cross -march=ARCH
# @native with: break and continue out of a with block inside a loop
import micropython

class L:
    def __init__(self, i):
        self.i = i
    def __enter__(self):
        return self.i
    def __exit__(self, *a):
        print('exit', self.i)

@micropython.native
def loop(n):
    got = []
    for i in range(n):
        with L(i) as v:
            if v == 1:
                continue
            if v == 3:
                break
            got.append(v)
    return got

print(loop(6))
