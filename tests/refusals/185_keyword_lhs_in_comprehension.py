# a keyword argument whose name is an attribute, inside a list comprehension's element (scope <listcomp>)
def g(items):
    return [h(a.b=i) for i in items]
