# starred assignment with strings and nested starred targets
*init, last = "hello"
print(init, last)
(a, *b), c = [1, 2, 3], 4
print(a, b, c)
[*x] = range(3)
print(x)
