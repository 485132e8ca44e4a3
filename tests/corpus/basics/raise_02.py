# raising non-exception values gives TypeError; raising in nested calls
try:
    raise 5
except TypeError as e:
    print("TypeError raised")
def a():
    b()
def b():
    c()
def c():
    raise LookupError("deep in c")
try:
    a()
except LookupError as e:
    print("caught", e)
class MyErr(Exception):
    pass
try:
    raise MyErr("custom", 1)
except MyErr as e:
    print(e.args)
