# string methods: split, join, strip, replace, find, startswith
s = "  Hello, World  "
print(s.strip(), s.lstrip(), s.rstrip(), sep="|")
t = s.strip()
print(t.lower(), t.upper(), t.split(","), t.split())
print("-".join(["a", "b", "c"]), t.replace("l", "L", 2))
print(t.find("o"), t.rfind("o"), t.find("z"), t.index("W"))
print(t.startswith("Hell"), t.endswith("ld"), t.count("l"))
print("a,b,,c".split(","), "a b  c".split(" "), "x".center(5))
print("1,2,3".rsplit(",", 1), "abc".partition("b"), "abc".rpartition("x"))
