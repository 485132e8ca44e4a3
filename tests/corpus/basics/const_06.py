# const with True/False/None values and use in conditionals (eliminated branches)
_DEBUG = const(False)
_ON = const(True)
_NOTHING = const(None)
if _DEBUG:
    print("debug branch")
else:
    print("release branch")
if _ON:
    print("on")
print(_NOTHING is None, _DEBUG, _ON)
x = 1 if _DEBUG else 2
print(x)
