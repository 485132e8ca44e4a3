# pop {lr} has no 16-bit form.
@micropython.asm_thumb
def f(r0):
    push({lr})
    pop({lr})
