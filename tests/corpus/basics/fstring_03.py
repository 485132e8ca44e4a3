# f-strings with calls, methods, attributes and conditional expressions
class C:
    val = 7
    def m(self, k):
        return k * self.val
c = C()
s = "abc"
print(f"{c.val} {c.m(3)} {s.upper()} {s[1:]}")
print(f"{'yes' if c.val > 5 else 'no'}")
print(f"{len(s)=}" if False else f"len={len(s)}")
print(f"{[i * i for i in range(4)]}")
inc = lambda q: q + 1
print(f"{inc(1)}")
print(f"a" f"b{s}" "c" f"{c.val}")
