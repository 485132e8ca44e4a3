# starred expression in a subscript
x = a[*b]
