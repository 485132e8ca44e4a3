# del of list target forms and del in loops
data = {"k%d" % i: i for i in range(5)}
for k in list(data):
    if data[k] % 2:
        del data[k]
print(data)
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)
x = y = 5
del (x, y)
print("x" in globals())
class C:
    a = 1
    b = 2
    del a
print(hasattr(C, "a"), C.b)
