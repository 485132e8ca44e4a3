# mpy-cross -march=ARCH
# @native closure over a loop variable via a default and over a cell updated later
import micropython

@micropython.native
def build():
    fs = []
    for i in range(3):
        def f(x, i=i):
            return x * i
        fs.append(f)
    msg = 'before'
    def say():
        return msg
    msg = 'after'
    return [g(10) for g in fs], say()

print(build())
