# Forward branches: the label is known only in the emit pass.
@micropython.asm_thumb
def clamp(r0, r1):
    cmp(r0, r1)
    ble(done)
    mov(r0, r1)
    b(done)
    nop()
    label(done)
