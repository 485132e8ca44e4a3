# with and io.StringIO / io.BytesIO context managers
import io
with io.StringIO() as s:
    s.write("hello ")
    s.write("world")
    print(s.getvalue())
b = io.BytesIO(b"abc\ndef\n")
with b:
    print(b.readline(), b.read())
print("closed ok")
