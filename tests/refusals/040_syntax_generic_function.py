# PEP 695 generic function syntax (not supported)
def f[T](x: T) -> T:
    return x
