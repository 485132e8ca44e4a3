# staticmethod/classmethod decorators on methods used via instances and subclasses
class Base:
    count = 0
    @classmethod
    def make(cls, *args):
        cls.count += 1
        return cls(*args) if args else cls.__name__
    @staticmethod
    def add(a, b):
        return a + b
class Sub(Base):
    pass
print(Base.make(), Sub.make(), Sub.count, Base.count)
print(Base().add(1, 2), Sub.add(3, 4))
