# lambda inside an f-string replacement field (colon ends the expression)
print(f"{(lambda q: q + 1)(1)}")
