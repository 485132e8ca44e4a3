# class using __class__ implicitly through super() and explicit __class__ reference
class Base:
    def hello(self):
        return "base hello"
class Child(Base):
    def hello(self):
        return "child+" + super().hello()
    def cls_name(self):
        return __class__.__name__
print(Child().hello(), Child().cls_name())
class GrandChild(Child):
    def hello(self):
        return "grand+" + super().hello()
print(GrandChild().hello(), GrandChild().cls_name())
