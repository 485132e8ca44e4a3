# nonlocal in a class body at module level
class C:
    nonlocal z
