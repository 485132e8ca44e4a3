# generator pipeline: chaining generators and generator functions with arguments
def read(lines):
    for l in lines:
        yield l
def strip(it):
    for l in it:
        yield l.strip()
def nonempty(it):
    for l in it:
        if l:
            yield l
def number(it, start=1):
    n = start
    for l in it:
        yield "%d: %s" % (n, l)
        n += 1
src = ["  a ", "", " b", "   ", "c  "]
for out in number(nonempty(strip(read(src))), 10):
    print(out)
