# slices of bytes, bytearrays and memoryviews
b = b"0123456789"
print(b[2:5], b[:-5], b[7:])
ba = bytearray(b)
ba[0:3] = b"ab"
print(ba)
mv = memoryview(b)
print(bytes(mv[3:6]), len(mv[1:]))
