# string prefixes accepted by MicroPython: u, r, b, rb, br, f, rf, fr
v = 7
print(u"unicode", r"raw\n", b"bytes", rb"rb\x00", br"br\x00")
print(f"f{v}", rf"rf\t{v}", fr"fr\t{v}")
print(len(r"\n"), len(rb"\n"), len(fr"\n{v}"))
