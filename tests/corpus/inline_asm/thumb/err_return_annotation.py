# A return annotation that is not a name; reported at the first instruction.
@micropython.asm_thumb
def f(r0) -> x.y:
    pass
    nop()
