# An async def decorated as inline assembler is still assembled.
@micropython.asm_thumb
async def f(r0):
    add(r0, r0, 1)
