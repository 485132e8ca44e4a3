# a dict display with a set item, spread over lines inside a function: the line of the display's first item
def f(x):
    return {
        1: x,
        x}
