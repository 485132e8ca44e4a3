# percent formatting of strings with various conversions
print("%s and %r" % ("str", "repr"))
print("%d|%5d|%-5d|%05d" % (42, 42, 42, 42))
print("%x %X %o" % (255, 255, 8))
print("%c%c" % (72, "i"))
print("%%literal %s" % (1,))
print("%(a)s-%(b)d" % {"a": "x", "b": 3})
print("%.2s|%10s|%-4s|" % ("abc", "r", "l"))
print("%+d %+d" % (5, -5))
