# mpy-cross -march=ARCH
# @native with statement: __enter__ value, __exit__ on normal exit and on exception
import micropython

class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None, v)
        return self.swallow

@micropython.native
def use(raise_it, swallow):
    with CM('cm', swallow) as n:
        print('body', n)
        if raise_it:
            raise ValueError('oops')
    return 'done'

print(use(False, False))
print(use(True, True))
try:
    use(True, False)
except ValueError as e:
    print('escaped', e)
