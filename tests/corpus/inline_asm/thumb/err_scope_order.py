# A scope-pass error in a later function wins over an instruction error in an earlier one.
@micropython.asm_thumb
def f(r0):
    bogus()

def g():
    nonlocal q
