# Bit-test branches, bits 0..31, backwards and forwards.
@micropython.asm_xtensa
def f(a2):
    label(back)
    bbci(a2, 0, back)
    bbsi(a2, 15, back)
    bbci(a2, 16, fwd)
    bbsi(a2, 31, fwd)
    nop()
    label(fwd)
