# __class__ referenced without super() and class name re-bound after definition
class A:
    def me(self):
        return __class__
    def name(self):
        return __class__.__name__
Original = A
class A:
    pass
print(Original().me() is Original, Original().name(), A is Original)
