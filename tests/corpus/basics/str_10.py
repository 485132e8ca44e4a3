# long strings that match built-in qstrs (interned) versus ones that do not
names = ["NotImplementedError", "__qualname__", "KeyboardInterrupt", "StopAsyncIteration", "not a builtin qstr!!"]
for n in names:
    print(n, len(n))
import builtins
print(getattr(builtins, "NotImplementedError", None) is NotImplementedError)
d = {"OverflowError": 1, "UnicodeError": 2}
print(sorted(d))
