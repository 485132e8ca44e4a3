# b beyond the 2 KiB of a 16-bit branch.
@micropython.asm_thumb
def f(r0):
    b(far)
    data(2050, 0)
    label(far)
