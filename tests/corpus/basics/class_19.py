# class body that deletes and redefines names, and uses names from the enclosing module
helper = "module helper"
class C:
    tmp = 1
    keep = tmp + 1
    del tmp
    label = helper.upper()
    def show(self):
        return self.keep, self.label
print(C().show(), hasattr(C, "tmp"))
