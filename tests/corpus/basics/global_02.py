# global statement with multiple names, and deleting globals (DELETE_GLOBAL)
a = 1
b = 2
def f():
    global a, b
    a, b = b, a
f()
print(a, b)
temp = "temporary"
def kill():
    global temp
    del temp
kill()
try:
    print(temp)
except NameError:
    print("temp gone")
def g():
    global newg
    newg = 1
    del newg
g()
print("newg" in globals())
