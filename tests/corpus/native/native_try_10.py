# mpy-cross -march=ARCH
# @native deep nesting of try/except/finally with the exception variable reused
import micropython

@micropython.native
def f(n):
    out = []
    try:
        try:
            try:
                if n:
                    raise ValueError(n)
            except ValueError as e:
                out.append(('v', e.args[0]))
                raise KeyError(n + 1)
            finally:
                out.append('f1')
        except KeyError as e:
            out.append(('k', e.args[0]))
        finally:
            out.append('f2')
    finally:
        out.append('f3')
    return out

print(f(0))
print(f(4))
