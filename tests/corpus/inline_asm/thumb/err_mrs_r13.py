# mrs into a register above r12.
@micropython.asm_thumb
def f(r0):
    mrs(sp, IPSR)
