# Return annotations are the type signature.
@micropython.asm_rv32
def f1(a0) -> object:
    c_nop()

@micropython.asm_rv32
def f2(a0) -> bool:
    c_nop()

@micropython.asm_rv32
def f3(a0) -> uint:
    c_nop()
