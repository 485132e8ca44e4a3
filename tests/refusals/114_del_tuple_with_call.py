# del of a tuple of targets where one is a call
del a.b, c()
