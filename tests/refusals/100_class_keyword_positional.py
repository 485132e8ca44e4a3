# class statement with a positional base after a keyword
class C(metaclass=M, B):
    pass
