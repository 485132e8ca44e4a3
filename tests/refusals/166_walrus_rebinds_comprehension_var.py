# assignment expression that rebinds the comprehension iteration variable
x = [i := 0 for i in range(3)]
