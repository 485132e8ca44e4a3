# traceback line numbers in nested calls and after long bodies (line table spanning many bytes)
import io, sys
def a():
    t = 0
    for i in range(3): t += i
    for i in range(3): t += i
    for i in range(3): t += i
    for i in range(3): t += i
    for i in range(3): t += i
    for i in range(3): t += i
    for i in range(3): t += i
    for i in range(3): t += i
    return b(t)
def b(t):
    return [][t]
buf = io.StringIO()
try:
    a()
except IndexError as e:
    sys.print_exception(e, buf)
print(buf.getvalue().replace("\n", "|"))
