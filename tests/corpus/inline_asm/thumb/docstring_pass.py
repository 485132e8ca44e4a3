# Docstrings, pass and lone constants are not instructions.
@micropython.asm_thumb
def f(r0):
    """Adds one."""
    pass
    123
    b"bytes"
    None
    add(r0, r0, 1)
    "trailing string"
