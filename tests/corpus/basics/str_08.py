# string escapes for unusual characters, encode/decode round trips
s = "caf\xe9 \u03bb \U0001F600"
print(len(s), s.encode())
b = s.encode("utf-8")
print(len(b), b.decode() == s)
print("\0", repr("\0"), repr("\x7f"), repr("\n\r\t"))
print(repr("'"), repr('"'), repr("'\""))
print("\a\b\f\v".encode())
print(str(b"abc", "utf-8"), bytes("xy", "utf-8"))
