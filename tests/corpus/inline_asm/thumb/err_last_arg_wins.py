# Every argument is bad: the message is the last argument's.
@micropython.asm_thumb
def f(r0):
    add(r8, x, r10)
