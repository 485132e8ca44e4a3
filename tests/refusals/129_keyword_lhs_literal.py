# keyword argument whose name is a literal
f(1=2)
