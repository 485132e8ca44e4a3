# Return annotations are the type signature.
@micropython.asm_xtensa
def f1(a2) -> object:
    nop()

@micropython.asm_xtensa
def f2(a2) -> bool:
    nop()

@micropython.asm_xtensa
def f3(a2) -> uint:
    nop()

@micropython.asm_xtensa
def f4(a2) -> int:
    nop()
