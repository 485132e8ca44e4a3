# 'yield' in a class body
class C:
    x = yield
