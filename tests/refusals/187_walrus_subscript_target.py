# assignment expression to a subscript, on its own line inside a call
print(
    (a[0]
     := 5))
