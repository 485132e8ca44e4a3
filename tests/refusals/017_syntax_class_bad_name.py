# class with a number as name
class 123:
    pass
