# del of a name in a loop and re-binding after deletion
for i in range(3):
    tmp = i * 2
    del tmp
try:
    tmp
except NameError:
    print("tmp not defined")
x = 1
del x
x = 2
print(x)
def f():
    y = 5
    del y
    y = 6
    return y
print(f())
