# starred targets taking all or nothing, and with strings and ranges
a, *b = [1]
*c, d = (2,)
e, *f, g = "xy"
print(a, b, c, d, e, f, g)
h, *i = range(1)
print(h, i)
