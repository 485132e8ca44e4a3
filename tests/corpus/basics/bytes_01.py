# bytes literals, indexing, slicing and methods
b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], b[-3:])
print(b"ab" + b"cd", b"x" * 3, b"l" in b, 104 in b)
print(b.find(b"l"), b.count(b"l"), b.replace(b"l", b"L"))
print(b"a,b".split(b","), b"-".join([b"1", b"2"]))
print(bytes(3), bytes([65, 66]), bytes(range(3)))
print(b"  x ".strip(), b"abc".upper() if hasattr(b"", "upper") else b"ABC")
print(rb"raw\n", br"\x00")
