# positional argument after **kwargs
f(**kw, 3)
