# mpy-cross -march=ARCH
# @native exception raised in a callee propagates through native frames
import micropython

def thrower(x):
    raise RuntimeError('bad %d' % x)

@micropython.native
def middle(x):
    return thrower(x) + 1

@micropython.native
def top():
    try:
        middle(3)
    except RuntimeError as e:
        print('caught', e)
    try:
        middle(4)
    except Exception as e:
        print('caught again', e.args)

top()
