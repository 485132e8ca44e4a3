# mpy-cross -march=ARCH
# @native with: an exception swallowed by __exit__ lets the function continue
import micropython

class Quiet:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return t is ZeroDivisionError

@micropython.native
def risky(x):
    r = 'start'
    with Quiet():
        r = 'before'
        r = 10 // x
    return r

print(risky(2), risky(0))
