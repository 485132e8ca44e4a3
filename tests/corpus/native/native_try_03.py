# mpy-cross -march=ARCH
# @native nested try blocks, re-raising a caught exception object
import micropython

@micropython.native
def inner(n):
    try:
        if n > 1:
            raise KeyError(n)
        return 'ok'
    except KeyError as e:
        if n > 2:
            raise e
        return 'handled'

@micropython.native
def outer(n):
    try:
        return inner(n)
    except KeyError as e:
        return 'outer caught %r' % (e.args,)

for n in (1, 2, 3):
    print(outer(n))
