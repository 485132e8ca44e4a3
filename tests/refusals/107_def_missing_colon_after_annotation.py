# def with a return annotation but no colon or body
def f() -> int
