# bytearray mutation and conversion
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
print(ba, len(ba))
ba[1:3] = b"XYZ"
print(ba)
print(bytes(ba), list(ba[:2]))
ba2 = bytearray(4)
for i in range(4):
    ba2[i] = i * 60
print(ba2, ba2.hex() if hasattr(ba2, "hex") else "")
print(bytearray(b"x") + b"y")
