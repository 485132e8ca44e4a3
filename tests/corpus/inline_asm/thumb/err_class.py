# The decorator on a class.
@micropython.asm_thumb
class C:
    nop()
