# *args after **kwargs
f(**kw, *args)
