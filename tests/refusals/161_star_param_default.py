# default value on **kwargs
def f(**kw=1):
    pass
