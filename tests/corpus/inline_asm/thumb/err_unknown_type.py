# A return type the assembler does not know.
@micropython.asm_thumb
def f(r0) -> float:
    nop()
