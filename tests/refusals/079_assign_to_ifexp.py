# assignment to a conditional expression
a if b else c = 1
