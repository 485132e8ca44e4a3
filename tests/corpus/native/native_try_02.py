# mpy-cross -march=ARCH
# @native try/except/else/finally ordering with prints
import micropython

@micropython.native
def run(x):
    out = []
    try:
        out.append('try')
        if x:
            raise ValueError(x)
    except ValueError as e:
        out.append('except %s' % e)
    else:
        out.append('else')
    finally:
        out.append('finally')
    return out

print(run(0))
print(run(5))
