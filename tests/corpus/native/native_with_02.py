# mpy-cross -march=ARCH
# @native nested with statements and return from inside the with body
import micropython

class R:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        print('open', self.tag)
        return self
    def __exit__(self, *a):
        print('close', self.tag)

@micropython.native
def nested():
    with R('a') as a, R('b') as b:
        with R('c'):
            return a.tag + b.tag

print(nested())
