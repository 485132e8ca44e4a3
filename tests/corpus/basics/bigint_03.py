# bitwise operations on big integers
a = (1 << 100) - 1
print(a)
print(a & 0xFFFF, a >> 90, a ^ (1 << 99))
print(a | (1 << 120))
print(~a)
print(-a >> 10)
b = 0x123456789ABCDEF0123456789
print(hex(b), b.to_bytes(13, "big"))
print(int.from_bytes(b"\x01\x00\x00\x00\x00\x00\x00\x00\x00", "big"))
