# lambda without colon
f = lambda x x + 1
