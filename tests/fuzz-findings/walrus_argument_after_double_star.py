# mpy-cross-args: -O0
# difffuzz: MicroPython compiles an unparenthesised walrus argument after ** or a keyword (an argument node skips the checks); rustpython refuses it unless mended
f(**a, o := y)
f(k=1, p := y)
class C(**a, q := y):
    pass
