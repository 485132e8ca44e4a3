# try/finally inside a while loop in a generator with break from finally-protected code
def gen(limit):
    i = 0
    while True:
        try:
            if i >= limit:
                break
            yield i
        finally:
            i += 1
    yield "end at %d" % i
print(list(gen(3)))
