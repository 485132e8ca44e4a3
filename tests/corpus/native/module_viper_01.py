# mpy-cross -march=ARCH -X emit=viper
# whole module viper: every function is viper, module code only calls them
def add(a: int, b: int) -> int:
    return a + b

def fact(n: int) -> int:
    r = 1
    while n > 1:
        r *= n
        n -= 1
    return r

print(add(2, 3), fact(10), fact(20))
