# mrs of a special register the assembler does not know.
@micropython.asm_thumb
def f(r0):
    mrs(r0, PRIMASK)
