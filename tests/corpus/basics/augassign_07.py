# augmented assignment on strings, bytes and tuples in loops
s = ""
b = b""
t = ()
for i in range(4):
    s += str(i)
    b += bytes([65 + i])
    t += (i,)
print(s, b, t)
s *= 2
t *= 2
print(s, t)
