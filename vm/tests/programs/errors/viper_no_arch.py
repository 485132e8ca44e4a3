x = 1
@micropython.viper
def f(): pass
