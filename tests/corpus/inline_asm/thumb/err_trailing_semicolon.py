# Even one instruction with a trailing semicolon.
@micropython.asm_thumb
def f(r0):
    nop();
    nop()
