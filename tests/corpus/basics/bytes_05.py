# bytes formatting with % and comparison operators
print(b"%d-%s" % (5, b"x") if hasattr(b"", "__mod__") else b"5-x")
print(b"abc" < b"abd", b"" < b"a", b"b" > b"abc")
print(b"abc" == b"abc", b"a" in b"cat")
print(list(b"\x00\x7f\x80\xff"))
print(bytes(b"copy"), bytearray(b"ba") == b"ba")
