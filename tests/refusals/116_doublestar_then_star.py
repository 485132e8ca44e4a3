# **kwargs followed by *args
def f(**kw, *a):
    pass
