# else clause after finally
try:
    pass
finally:
    pass
else:
    pass
