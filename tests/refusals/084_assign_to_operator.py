# assignment to a binary expression
a + b = 3
