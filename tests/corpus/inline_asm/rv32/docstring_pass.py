# Docstrings and pass.
@micropython.asm_rv32
def f(a0):
    """Doubles a0."""
    pass
    add(a0, a0, a0)
