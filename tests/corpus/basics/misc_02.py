# pass statements, ellipsis, and empty class/function bodies
def empty():
    pass
class Empty:
    pass
def ell():
    ...
print(empty(), Empty.__name__, ell())
for _ in range(2):
    pass
while False:
    pass
if True:
    pass
print(..., type(...).__name__)
