# a walrus inside an f-string replacement field: MicroPython reads its colon as the start of a format spec
x = 1
print(f"{(m := 7) * 2} {m}")
