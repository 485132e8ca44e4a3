# it needs a two-letter condition.
@micropython.asm_thumb
def f(r0):
    it(al)
