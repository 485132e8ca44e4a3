# Return annotations object/bool/int/uint are the type signature.
@micropython.asm_thumb
def f1(r0) -> object:
    nop()

@micropython.asm_thumb
def f2(r0) -> bool:
    nop()

@micropython.asm_thumb
def f3(r0) -> int:
    nop()

@micropython.asm_thumb
def f4(r0) -> uint:
    nop()
