# mpy-cross -march=ARCH
# @native: strings, f-strings, floats, big integers and bytes constants
import micropython

@micropython.native
def fmt(x, y):
    s = 'x=%d y=%.2f' % (x, y)
    t = f'{x}-{y:.1f}-{x * 2}'
    big = 123456789012345678901234567890 + x
    raw = b'\x00abc' + bytes([x])
    return s, t, big, raw, 2.5 * y, 'a long string constant that is not a qstr'

print(fmt(3, 1.5))
