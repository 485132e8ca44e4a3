# str methods on unicode and number formatting helpers
print("abc".encode(), "%s" % 1.5, str(1.5), repr(2.0))
print("x=%d y=%s" % (1, [1, 2]))
print("Title Case Words".lower().title() if hasattr("", "title") else "title missing")
print("zfill".zfill(8) if hasattr("", "zfill") else "zfill missing")
print("a\tb".expandtabs() if hasattr("", "expandtabs") else "expandtabs missing")
print("   x".isspace(), "ABC".isupper(), "abc".islower(), "a1".isalnum() if hasattr("", "isalnum") else True)
print("%-6s|%6s|" % ("ab", "cd"))
