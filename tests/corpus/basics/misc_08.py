# int() and str() conversions with bases and error handling
print(int("0x1f", 16), int("0b101", 0), int("0o17", 0), int("  12  "))
print(int("-z", 36), int("Zz", 36))
for bad in ("", "1.5", "0x", "abc"):
    try:
        int(bad)
    except ValueError:
        print("ValueError for", repr(bad))
print(str(123), str(-0), str(True), str(None), str([1]))
