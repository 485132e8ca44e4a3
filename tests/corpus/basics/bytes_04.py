# long bytes constants and bytes in tuples are objects
KEY = b"0123456789abcdefghij"
SHORT = b"ab"
T = (b"x", b"yz", 3)
print(KEY, SHORT, T)
print(KEY[5:10], len(KEY))
print(b"" == bytes(), b"\x00" * 3)
def g():
    return b"returned bytes constant"
print(g())
