# *args after **kwargs with nothing else
f(**a, *b)
