# yield from a string, a tuple and an iterator; nested delegation depth
def chars():
    yield from "ab"
    yield from (1, 2)
    yield from iter([None])
print(list(chars()))
def depth(n):
    if n == 0:
        yield "bottom"
        return
    yield n
    yield from depth(n - 1)
print(list(depth(4)))
