# mpy-cross -march=ARCH
# @native exception raised inside finally replaces the pending one
import micropython

@micropython.native
def f():
    try:
        try:
            raise ValueError('first')
        finally:
            raise TypeError('second')
    except Exception as e:
        return type(e).__name__, str(e)

print(f())
