# assignment expression inside an f-string field
x = 1
print(f"{(x:=5)}")
