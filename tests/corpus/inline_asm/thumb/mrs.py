# mrs of IPSR and BASEPRI (destination up to r12).
@micropython.asm_thumb
def irq_state():
    mrs(r0, IPSR)
    mrs(r12, BASEPRI)
