# lambdas closing over variables, nested lambdas and lambdas returning lambdas
adder = lambda a: lambda b: a + b
print(adder(1)(2))
def make(n):
    return lambda: n * 2
print(make(21)())
fs = [(lambda i=i: i) for i in range(3)]
print([fn() for fn in fs])
y = lambda x: (lambda: x + 1)()
print(y(9))
cond = lambda v: "yes" if v else "no"
print(cond(1), cond(0))
