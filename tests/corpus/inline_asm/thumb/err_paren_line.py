# The error line is the line of the instruction's parenthesis.
@micropython.asm_thumb
def f(r0):
    nop()
    bad \
        (r0)
