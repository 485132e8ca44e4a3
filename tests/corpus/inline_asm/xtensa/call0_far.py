# call0 over 1000 bytes (mpy-cross writes the offset in bytes).
@micropython.asm_xtensa
def f(a2):
    call0(sub)
    data(1000, 0)
    label(sub)
