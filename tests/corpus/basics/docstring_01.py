"""Module docstring: dropped by mpy-cross."""
# docstrings on module, function and class are not stored (no __doc__ content expected)
def f():
    """Function docstring."""
    return 1
class C:
    """Class docstring."""
    def m(self):
        "method docstring in single quotes"
        return 2
print(f(), C().m())
"a bare string statement in the middle"
42
None
print("after bare expression statements")
