# del of a binary expression
del a + b
