# class decorators, keyword arguments in the class statement and metaclass-free tricks
def register(cls):
    registry.append(cls.__name__)
    return cls
registry = []
@register
class One:
    pass
@register
class Two(One):
    pass
print(registry, issubclass(Two, One))
class WithKw(object, ):
    pass
print(WithKw.__name__)
