# unicode escapes, chr/ord of multi-byte characters, iteration over code points
s = "\u00e9\u4e2d\U0001F600"
print(len(s), [ord(c) for c in s])
print(chr(0x4e2d), chr(233) == "é")
for ch in "aé中":
    print(ch, len(ch.encode()))
b = "日本".encode("utf-8")
print(b, b.decode())
print("ü" in "Müller", "Müller".replace("ü", "ue"))
