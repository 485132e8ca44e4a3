# function attributes of code: __name__, calls with wrong args raise TypeError
def f(a, b=1):
    return a + b
print(f.__name__)
try:
    f()
except TypeError as e:
    print("TypeError")
try:
    f(1, 2, 3)
except TypeError:
    print("TypeError too many")
try:
    f(1, c=2)
except TypeError:
    print("TypeError unexpected kw")
