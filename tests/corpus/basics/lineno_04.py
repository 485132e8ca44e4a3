# line numbers inside functions with blank and comment lines, reported via sys.print_exception
import io, sys
def f(x):
    # comment
    y = x + 1

    # another

    z = y * 2



    return z // (x - x)
buf = io.StringIO()
try:
    f(3)
except ZeroDivisionError as e:
    sys.print_exception(e, buf)
print(buf.getvalue().replace("\n", "|"))
