# An unknown return type.
@micropython.asm_rv32
def f(a0) -> str:
    c_nop()
