# complex constants in tuples and default arguments
T = (1j, 2 + 2j, -1j)
def f(z=3j):
    return z * z
print(T, f(), f(1 + 1j))
print(sum([1j, 2j, 3]))
