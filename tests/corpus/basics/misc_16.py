# array module: typed arrays, append, extend, indexing and bytes conversion
import array
a = array.array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
print(a, len(a), a[2], a[-1], sum(a))
b = array.array("B", b"\x01\x02\xff")
print(list(b), bytes(b))
f = array.array("f", [0.5, 1.5])
print(f[0] + f[1])
