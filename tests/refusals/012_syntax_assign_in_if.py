# '=' used as a comparison in an if condition
if x = 1:
    pass
