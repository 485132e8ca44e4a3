# mpy-cross -march=ARCH
# @native: assert statements and __debug__
import micropython

@micropython.native
def check(x):
    try:
        assert x > 0, 'must be positive'
        return 'ok'
    except AssertionError as e:
        return 'failed: %s' % e

print(check(1), check(-1), __debug__)
