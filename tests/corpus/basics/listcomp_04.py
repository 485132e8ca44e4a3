# comprehensions in class bodies see only module globals, not class attributes
K = 10
class C:
    K = 100
    vals = [K + i for i in range(3)]
print(C.vals)
class D:
    n = 3
    squares = [i * i for i in range(n)]
print(D.squares)
