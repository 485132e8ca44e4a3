# line numbers in tracebacks reflected through exception handling of deliberate errors
import sys
def fail_at_line():
    a = 1
    b = 0

    return a // b
try:
    fail_at_line()
except ZeroDivisionError as e:
    print("caught ZeroDivisionError")
    print(type(e).__name__)
