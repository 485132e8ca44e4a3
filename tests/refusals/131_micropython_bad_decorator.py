# an unknown micropython.* decorator
import micropython
@micropython.fast
def f():
    pass
