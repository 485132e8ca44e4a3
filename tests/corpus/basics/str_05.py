# str.format with positional, named, indexed and attribute fields
class P:
    x = 3
    y = [10, 20]
print("{} {} {}".format(1, "a", None))
print("{1}{0}{1}".format("a", "b"))
print("{name}={val:>6}".format(name="k", val=12))
print("{0} {1}".format(P.x, P.y[1]))
print("{:*^9}".format("mid"), "{:<4}|".format("l"), "{:08.3f}".format(3.14159))
print("{:x} {:o} {:b} {:#x}".format(255, 8, 5, 255))
print("{!r} {!s}".format("q", "q"))
print("{{braces}} {}".format(7))
