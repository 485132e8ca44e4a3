# nop and wfi, the two instructions without arguments.
@micropython.asm_thumb
def idle():
    nop()
    wfi()
    nop()
