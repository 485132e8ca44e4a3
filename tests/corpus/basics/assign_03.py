# assignment to attributes and subscripts, in order of evaluation
class Box:
    pass
box = Box()
box.v = 10
box.w = box.v * 2
print(box.v, box.w)
lst = [0] * 4
lst[0] = lst[1] = 5
lst[-1] = "end"
print(lst)
d = {}
d["a"] = d["b"] = len(d)
print(d)
box.items = [1, 2, 3]
box.items[1] = 20
print(box.items)
m = [[0, 0], [0, 0]]
m[1][0] = 9
print(m)
