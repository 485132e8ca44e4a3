# statements after a very long expression spanning many lines report the right line
import io, sys
values = [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
]
def boom():
    x = sum(
        values
    )
    return x / (x - x)
buf = io.StringIO()
try:
    boom()
except ZeroDivisionError as e:
    sys.print_exception(e, buf)
print(buf.getvalue().replace("\n", "|"))
