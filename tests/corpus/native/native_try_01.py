# mpy-cross -march=ARCH
# @native try/except: catching by type, binding the exception, fall-through
import micropython

@micropython.native
def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError as e:
        return 'div0:' + type(e).__name__

print(safe_div(7, 2), safe_div(1, 0))
