# class defined inside a function using enclosing variables in methods and class body
def make(prefix, n):
    class Tagged:
        count = n
        def tag(self, s):
            return prefix + s * self.count
    return Tagged
T = make("#", 2)
print(T().tag("ab"), T.count, T.__name__)
