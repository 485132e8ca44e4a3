# unary operators on non-constant values and folded unary constants
x = 5
print(-x, +x, ~x, not x)
print(- -x, ~~x, -(-(-x)))
print(-5, +5, ~5, -(5), -(-5), +-5)
f = 2.5
print(-f, +f)
print(-True, ~False, +True)
