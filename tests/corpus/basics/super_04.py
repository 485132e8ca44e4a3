# super() inside nested function/closure uses __class__ and self cells
class A:
    def val(self):
        return 1
class B(A):
    def val(self):
        def inner():
            return super(B, self).val() + 1
        return inner()
print(B().val())
class C(A):
    def val(self):
        return [super().val() + i for i in range(3)][-1] if False else super().val() + 40
print(C().val())
