# A forward branch after a label: its size changes between passes and mpy-cross aborts.
@micropython.asm_xtensa
def f(a2):
    label(top)
    beqz(a2, end)
    nop()
    label(end)
