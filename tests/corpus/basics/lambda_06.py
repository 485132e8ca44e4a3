# immediately-invoked lambdas and lambdas capturing other lambdas
print((lambda x, y=2: x ** y)(3))
compose = lambda f, g: lambda x: f(g(x))
add1 = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(add1, dbl)(5), compose(dbl, add1)(5))
print(list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))
