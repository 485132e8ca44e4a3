# Docstrings, pass and constants are skipped.
@micropython.asm_xtensa
def f(a2):
    """Doubles a2."""
    pass
    add(a2, a2, a2)
    42
