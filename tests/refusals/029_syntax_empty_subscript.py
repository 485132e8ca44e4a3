# empty subscript
x = a[]
