# except clause with an expression that is a function call returning an exception type
def kind():
    return ZeroDivisionError
try:
    1 // 0
except kind() as e:
    print("matched via call")
excs = {"div": ZeroDivisionError}
try:
    5 % 0
except excs["div"]:
    print("matched via subscript")
