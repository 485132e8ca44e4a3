# keyword argument whose name is an expression
f(a.b=1)
